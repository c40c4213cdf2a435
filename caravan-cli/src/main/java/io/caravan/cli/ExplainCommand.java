package io.caravan.cli;

import io.caravan.json.AssessmentFiles;
import io.caravan.risk.Assessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explains one assessment in words.")
final class ExplainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ID", description = "Assessment id, e.g. order:O-000017 or participant:M-0042.")
    String id;

    @Option(names = "--assessments", defaultValue = "demo-world/assessments.jsonl", paramLabel = "FILE",
            description = "Assessments file (default ${DEFAULT-VALUE}).")
    Path assessments;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(assessments)) {
            System.err.println("caravan: " + assessments + " does not exist; run 'caravan demo' or 'caravan assess' first,"
                    + " or name the file with --assessments");
            return CaravanCommand.INVALID_INPUT;
        }
        if (!id.contains(":")) {
            System.err.println("caravan: '" + id + "' is not an assessment id; ids look like order:O-000017, payment:P-000017,"
                    + " shipment:S-000017, listing:L-00017 or participant:M-0042");
            return CaravanCommand.INVALID_INPUT;
        }
        Optional<Assessment> a = AssessmentFiles.find(assessments, id);
        if (a.isEmpty()) {
            System.err.println("caravan: no assessment '" + id + "' in " + assessments);
            return 1;
        }
        System.out.print(Explanation.render(a.get()));
        return 0;
    }
}
