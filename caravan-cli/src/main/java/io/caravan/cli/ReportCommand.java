package io.caravan.cli;

import io.caravan.engine.Policies;
import io.caravan.world.Label;
import io.caravan.world.WorldFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Summarises an assessments file per risk category.",
            "On a demo world (labels.jsonl beside the file, or --labels) it also reports the share of planted",
            "risks caught and the false alarms."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "Assessments file written by 'caravan assess'.")
    Path file;

    @Option(names = "--labels", paramLabel = "FILE", description = "Planted truth (default: labels.jsonl beside FILE, if present).")
    Path labels;

    @Option(names = "--top", defaultValue = "5", description = "Top risks listed per category (default ${DEFAULT-VALUE}).")
    int top;

    @Mixin
    CaravanCommand.ReferenceOptions referenceOptions = new CaravanCommand.ReferenceOptions();

    @Override
    public Integer call() throws Exception {
        System.out.print(render(file, labels, top, referenceOptions));
        return 0;
    }

    static String render(Path file, Path labels, int top, CaravanCommand.ReferenceOptions options) throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new java.io.IOException(file + " does not exist; write it with 'caravan assess --in DIR --out " + file + "'");
        }
        Path labelFile = labels != null ? labels : file.toAbsolutePath().getParent().resolve(WorldFiles.LABELS);
        if (labels != null && !Files.isRegularFile(labels)) {
            throw new java.io.IOException(labels + " does not exist");
        }
        List<Label> planted = Files.isRegularFile(labelFile) ? WorldFiles.readLabels(labelFile) : List.of();
        Report report = Report.of(file, Policies.from(options.load().settings()), top);
        return report.render(planted);
    }
}
