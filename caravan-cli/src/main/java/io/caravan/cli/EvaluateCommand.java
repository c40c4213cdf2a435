package io.caravan.cli;

import io.caravan.evaluation.EvaluationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Measures the estimators on held-out real public data.",
            "Late delivery on DataCo, name screening on nomenklatura's name_bench, near-duplicate text on Abt-Buy."})
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR",
            description = "Folder of the public datasets (default ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
        System.out.print(EvaluationReport.run(data));
        return 0;
    }
}
