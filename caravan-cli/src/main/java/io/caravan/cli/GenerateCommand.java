package io.caravan.cli;

import io.caravan.world.WorldFiles;
import io.caravan.world.WorldGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes a deterministic demo world (JSON Lines) with its planted ground truth in labels.jsonl.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--orders", defaultValue = "50000", description = "Number of orders, at least 200 (default ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the world into.")
    Path out;

    @Mixin
    CaravanCommand.ReferenceOptions referenceOptions = new CaravanCommand.ReferenceOptions();

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        WorldGenerator.World world = new WorldGenerator(referenceOptions.load()).generate(seed, orders);
        Map<String, Long> counts = WorldFiles.write(world, out);
        System.out.printf(Locale.ROOT, "Wrote a demo world (seed %d, %,d orders) to %s in %.1f s:%n", seed, orders, out,
                (System.nanoTime() - t0) / 1e9);
        counts.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-22s %,9d%n", k, v));
        return 0;
    }
}
