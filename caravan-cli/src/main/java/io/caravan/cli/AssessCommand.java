package io.caravan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Assesses a folder of JSON Lines records and writes the assessments.",
            "Replays the records through the engine in time order and writes one assessment per order, payment,",
            "shipment, listing and participant. Invalid input is reported line by line and nothing is written."})
final class AssessCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "Folder with participants.jsonl, orders.jsonl, …")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Assessments file to write (JSON Lines).")
    Path out;

    @Mixin
    CaravanCommand.ReferenceOptions referenceOptions = new CaravanCommand.ReferenceOptions();

    @Override
    public Integer call() throws Exception {
        try {
            AssessmentRun.Summary s = new AssessmentRun(referenceOptions.load(), System.err).run(in, out);
            for (String w : s.warnings()) {
                System.err.println("warning: " + w);
            }
            System.out.printf(Locale.ROOT,
                    "Assessed %,d events into %,d assessments in %.1f s: %s%n", s.events(), s.assessments(),
                    s.seconds(), out);
            return 0;
        } catch (AssessmentRun.InvalidInput e) {
            System.err.printf(Locale.ROOT,
                    "caravan: %,d invalid record(s); nothing was written. Fix these lines and run again:%n%s",
                    e.errors.size(), AssessmentRun.describe(e.errors, 50));
            return CaravanCommand.INVALID_INPUT;
        }
    }
}
