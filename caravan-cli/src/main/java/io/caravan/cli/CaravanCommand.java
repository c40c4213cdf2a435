package io.caravan.cli;

import io.caravan.reference.ReferenceData;
import io.caravan.reference.ReferenceDataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code caravan} command line. */
@Command(name = "caravan", mixinStandardHelpOptions = true, version = "Caravan 0.1.0",
        description = "Measures and lowers the risk of cross-border e-commerce supply chains.",
        subcommands = {DemoCommand.class, ServeCommand.class, LoadCommand.class, GenerateCommand.class, AssessCommand.class, ReportCommand.class,
            ExplainCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class CaravanCommand implements Runnable {

    /** Exit code for input that is invalid (bad record, missing file). */
    static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Options shared by commands that load reference data. */
    static final class ReferenceOptions {
        @Option(names = "--reference", paramLabel = "DIR",
                description = "Folder whose reference files (countries.csv, legal-rules.csv, caravan.properties, …) replace the shipped ones.")
        Path reference;

        @Option(names = "--sanctions", paramLabel = "PATH",
                description = "OFAC's SDN list in its legacy CSV format to screen against instead of the shipped excerpt: a folder"
                        + " holding sdn.csv (and alt.csv), or the sdn file itself (its alt file beside it is found by name).")
        Path sanctions;

        ReferenceData load() {
            ReferenceData data = reference == null ? ReferenceData.bundled() : ReferenceData.load(reference);
            if (sanctions != null) {
                data = data.withSanctions(ReferenceData.readOfacFolder(sanctions));
            }
            return data;
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        CommandLine cl = new CommandLine(new CaravanCommand());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof ReferenceDataException || ex instanceof IllegalArgumentException
                    || ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
                line.getErr().println("caravan: " + ex.getMessage());
                return INVALID_INPUT;
            }
            throw ex;
        });
        return cl.execute(args);
    }
}
