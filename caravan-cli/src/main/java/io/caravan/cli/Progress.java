package io.caravan.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar on the terminal's error stream: redrawn in place at most 5 times a second when a person
 * is watching, and reduced to a line at each quarter when the output goes to a file or a CI log.
 */
final class Progress {

    private final PrintStream out;
    private final String label;
    private final long total;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastQuarter = -1;

    Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.terminal = System.console() != null;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw < 200_000_000L && done < total) {
                return;
            }
            lastDraw = now;
            int width = 30;
            int filled = (int) (width * Math.min(1.0, done / (double) total));
            out.printf(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d %.1f s", label, "#".repeat(filled), " ".repeat(width - filled),
                    100 * done / total, done, total, (now - started) / 1e9);
            out.flush();
        } else {
            int quarter = (int) (4 * Math.min(1.0, done / (double) total));
            if (quarter > lastQuarter) {
                lastQuarter = quarter;
                out.printf(Locale.ROOT,
                        "%s: %d%% (%,d of %,d) %.1f s%n", label, 25 * quarter, done, total, (now - started) / 1e9);
            }
        }
    }

    void finish() {
        update(total);
        if (terminal) {
            out.println();
        }
    }
}
