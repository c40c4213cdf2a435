package io.caravan.cli;

import io.caravan.engine.Policies;
import io.caravan.world.WorldFiles;
import io.caravan.world.WorldGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generates a demo world, assesses it and prints the report with the share of planted risks caught.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "50000", description = "Orders in the world (default ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "demo-world", paramLabel = "DIR", description = "Where to write it (default ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        CaravanCommand.ReferenceOptions options = new CaravanCommand.ReferenceOptions();
        var reference = options.load();
        System.err.printf("Generating a demo world of %,d orders (seed %d) in %s …%n", orders, seed, dir);
        WorldFiles.write(new WorldGenerator(reference).generate(seed, orders), dir);
        Path out = dir.resolve("assessments.jsonl");
        Report report = new Report(Policies.from(reference.settings()), 3);
        AssessmentRun.Summary s = new AssessmentRun(reference, System.err).run(dir, out, report::add);
        for (String w : s.warnings()) {
            System.err.println("warning: " + w);
        }
        System.out.print(report.render(WorldFiles.readLabels(dir.resolve(WorldFiles.LABELS))));
        System.out.printf("%nDemo: %,d events, %,d assessments in %.1f s. Assessments: %s%n", s.events(), s.assessments(),
                (System.nanoTime() - t0) / 1e9, out);
        System.out.println("Explain one:  ./caravan explain order:O-000100 --assessments " + out);
        return 0;
    }
}
