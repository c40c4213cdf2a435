package io.caravan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line as a user runs it: exit codes, what it prints, and what it leaves on disk. */
class CommandLineTest {

    private record Run(int code, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = CaravanCommand.execute(args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void demoStartsTheServerAndLoadsTheWorldThroughTheApi(@TempDir Path home) {
        Run demo = run("demo", "--orders", "300", "--home", home.toString(), "--port", "0", "--exit");
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("Caravan is running at  http://localhost:", "Log in as              demo / ",
                "records accepted (0 already stored)", "Open alerts: ");
        assertThat(home.resolve("postgres").resolve("postgresql.conf")).exists();
        // A second run finds the world stored and stores nothing twice.
        Run again = run("demo", "--orders", "300", "--home", home.toString(), "--port", "0", "--exit");
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("Demo world loaded: 0 records accepted (");
    }

    @Test
    void aServerThatCannotStartSaysWhyInOneLine(@TempDir Path home) throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            Run serve = run("serve", "--home", home.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(serve.code()).isEqualTo(2);
            assertThat(serve.err()).contains("caravan: the server could not start: ").contains("--port N")
                    .doesNotContain("\tat org.");
        }
    }

    @Test
    void loadSingleMeasuresAndTracesEveryTenthOfASecond(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("trace.tsv");
        Run r = run("load", "single", "--rate", "200", "--seconds", "3", "--warmup-seconds", "0", "--trace", trace.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("single: 600 orders at 200/s over 3 s measured", ", 0 errors;", "p99 ", "; PostgreSQL's processes ");
        assertThat(r.err()).contains("trace of every 100 ms in " + trace);
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines.get(0)).startsWith("ms\tdue\tslowest_ms\tcanary_us\tjvm_cpu_ms\tjit_ms")
                .contains("\tmachine_busy_pct\tstolen_ms\tpg_backends_cpu_ms\tpg_autovacuum_cpu_ms\tpg_background_cpu_ms\toutside_cpu_ms\t").endsWith("\tpostgres_waits\tserver_threads");
        List<String> samples = lines.subList(1, lines.size());
        // At least the 3 s of the window sampled every 100 ms, no gap of a second even on a busy machine.
        assertThat(samples).hasSizeGreaterThanOrEqualTo(20);
        int due = 0;
        long ms = 0;
        long backends = 0;
        for (String line : samples) {
            String[] f = line.split("\t", -1);
            assertThat(f).as(line).hasSize(25);
            assertThat(Long.parseLong(f[0]) - ms).as(line).isBetween(0L, 1000L);
            ms = Long.parseLong(f[0]);
            due += Integer.parseInt(f[1]);
            assertThat(f[24]).as(line).contains("tenant-").contains("encoder-").contains("writer-");
            // PostgreSQL's processes are read from /proc each slice: a figure in whole clock ticks of 10 ms, never negative.
            for (int c = 10; c <= 13; c++) {
                assertThat(Long.parseLong(f[c]) % 10).as(line).isZero();
                assertThat(Long.parseLong(f[c])).as(line).isNotNegative();
            }
            backends += Long.parseLong(f[11]);
        }
        // 600 orders stored one by one cost PostgreSQL's backends some CPU: a column of zeros would be a sampler reading nothing.
        assertThat(backends).isPositive();
        // Every request due in the window falls in exactly one slice, but for those due before the first sample.
        assertThat(due).isBetween(500, 600);
    }

    @Test
    void loadBulkMeasuresOrdersAndTheCpuEachTook() {
        Run r = run("load", "bulk", "--orders", "2000", "--warmup", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("bulk: 2,000 orders in 1 requests of up to 20,000 lines", " orders/s (after 0 warm-up orders;",
                " µs of CPU an order", "; PostgreSQL's processes ", " µs an order, ", "% of the time stolen by its host)");
        // Each order is assessed and stored: the database's share of an order cannot be nothing.
        java.util.regex.Matcher pg = java.util.regex.Pattern.compile("PostgreSQL's processes (\\d+) µs an order").matcher(r.out());
        assertThat(pg.find()).isTrue();
        assertThat(Long.parseLong(pg.group(1))).isPositive();
        // and the JVM's share by kind of thread, where the organisation's lane and its encoder must have worked
        assertThat(r.out()).contains("JVM threads, µs an order: ", "caravan-tenant ", "caravan-encoder ");
    }

    @Test
    void threadKindsAreNamesWithoutTheirNumbers() {
        assertThat(LoadCommand.ThreadCpu.kind("caravan-encoder-3")).isEqualTo("caravan-encoder");
        assertThat(LoadCommand.ThreadCpu.kind("GC Thread#1")).isEqualTo("GC Thread");
        assertThat(LoadCommand.ThreadCpu.kind("http-nio-auto-1-exec-12")).isEqualTo("http-nio-auto-exec");
        assertThat(LoadCommand.ThreadCpu.kind("C2 CompilerThre")).isEqualTo("C2 CompilerThre");
        assertThat(LoadCommand.ThreadCpu.kind("G1 Conc#0")).isEqualTo("G1 Conc");
        assertThat(LoadCommand.ThreadCpu.kind("caravan-tenant-")).isEqualTo("caravan-tenant");
    }

    @Test
    void numbersThatCannotWorkAreRefusedBeforeAnythingStarts() {
        Run bulk = run("load", "bulk", "--orders", "-1");
        assertThat(bulk.code()).isEqualTo(2);
        assertThat(bulk.err()).isEqualTo("caravan: bulk needs --orders and --in-flight of 1 or more and --warmup of 0 or more\n");
        assertThat(run("load", "bulk", "--in-flight", "0").err()).contains("bulk needs --orders and --in-flight of 1 or more");
        Run port = run("serve", "--port", "99999");
        assertThat(port.code()).isEqualTo(2);
        assertThat(port.err()).isEqualTo("caravan: --port must be from 1 to 65535 (or 0 for any free port), not 99999\n");
        Run demo = run("demo", "--orders", "0");
        assertThat(demo.code()).isEqualTo(2);
        assertThat(demo.err()).isEqualTo("caravan: --orders: a demo world needs at least 200 orders, got 0\n");
    }

    /** Stopped early (as by Ctrl-C: the JVM is told to stop), a load run leaves neither its folder nor its PostgreSQL. */
    @Test
    void aLoadRunStoppedEarlyDeletesItsTemporaryFolder() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-cp", cp,
                CaravanCommand.class.getName(), "load", "bulk", "--warmup", "0").redirectErrorStream(true).start();
        Path dir = null;
        StringBuilder seen = new StringBuilder();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            java.util.regex.Pattern where = java.util.regex.Pattern.compile("data in (\\S+);");
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                seen.append(line).append('\n');
                var m = where.matcher(line);
                if (m.find()) {
                    dir = Path.of(m.group(1));
                    break;
                }
            }
            assertThat(dir).as(seen.toString()).isNotNull();
            assertThat(dir.resolve("postgres")).isDirectory();
            p.destroy(); // SIGTERM, and our ends of its pipes closed, as when a terminal goes away; the JVM runs its hooks
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        assertThat(dir).as(seen.toString()).doesNotExist();
    }

    @Test
    void loadTraceIsRefusedWhereItCannotBeWritten(@TempDir Path dir) {
        Run bulk = run("load", "bulk", "--trace", dir.resolve("t.tsv").toString());
        assertThat(bulk.code()).isEqualTo(2);
        assertThat(bulk.err()).contains("--trace is for single");
        Run nowhere = run("load", "single", "--trace", dir.resolve("no/such/t.tsv").toString());
        assertThat(nowhere.code()).isEqualTo(2);
        assertThat(nowhere.err()).contains("does not exist; create it");
    }

    @Test
    void demoPrintsTheReportWithTheCatchRateAndExplainReadsItBack(@TempDir Path dir) {
        Run demo = run("demo", "--report", "--orders", "3000", "--seed", "5", "--dir", dir.toString());
        assertThat(demo.code()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("CARAVAN RISK REPORT", "Decisions", "CREDIT", "LOGISTICS", "INFORMATION", "LEGAL",
                "POLITICAL", "NATURAL ENVIRONMENT", "DETECTION OF PLANTED RISKS", "all planted risks", "precision");
        Matcher m = Pattern.compile("all planted risks\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d.]+)%").matcher(demo.out());
        assertThat(m.find()).isTrue();
        int planted = Integer.parseInt(m.group(1).replace(",", ""));
        int caught = Integer.parseInt(m.group(2).replace(",", ""));
        assertThat(planted).isGreaterThan(500);
        // Most planted risks are caught; the exact share is reported, not asserted to be perfect.
        assertThat(caught).isGreaterThan(planted / 2).isLessThanOrEqualTo(planted);

        Path assessments = dir.resolve("assessments.jsonl");
        assertThat(assessments).exists();
        assertThat(dir.resolve("versions.json")).exists();
        Run explain = run("explain", "order:O-000100", "--assessments", assessments.toString());
        assertThat(explain.code()).isZero();
        assertThat(explain.out()).startsWith("order:O-000100: ").contains("Credit: ", "Versions used:", "sanctions: ofac-sdn");

        Run missing = run("explain", "order:NOPE", "--assessments", assessments.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no assessment 'order:NOPE'");

        Run report = run("report", assessments.toString());
        assertThat(report.code()).isZero();
        assertThat(report.out()).contains("DETECTION OF PLANTED RISKS");
    }

    @Test
    void invalidInputIsReportedLineByLineAndNothingIsWritten(@TempDir Path dir) throws IOException {
        assertThat(run("generate", "--orders", "300", "--out", dir.toString()).code()).isZero();
        Path orders = dir.resolve("orders.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(orders));
        lines.set(4, lines.get(4).replace("\"ship_to\":\"", "\"ship_to\":\"Q"));
        lines.set(9, "{\"broken\": ");
        Files.write(orders, lines);
        Path out = dir.resolve("assessments.jsonl");
        Run r = run("assess", "--in", dir.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2 invalid record(s); nothing was written")
                .contains("orders.jsonl line 5, field ship_to:")
                .contains("orders.jsonl line 10: not valid JSON");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }
    }

    @Test
    void everyCommandsHelpPrintsCleanly() {
        for (String command : new picocli.CommandLine(new CaravanCommand()).getSubcommands().keySet()) {
            Run r = run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: caravan " + command);
            assertThat(r.err()).as(command).isEmpty();
        }
    }

    @Test
    void missingInputsSayWhatToDo(@TempDir Path dir) {
        Run r = run("assess", "--in", dir.resolve("nowhere").toString(), "--out", dir.resolve("a.jsonl").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("is not a folder");
        Run empty = run("assess", "--in", dir.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("holds none of the input files");
        Run report = run("report", dir.resolve("none.jsonl").toString());
        assertThat(report.code()).isEqualTo(2);
        assertThat(report.err()).contains("does not exist");
        Run noOut = run("generate");
        assertThat(noOut.code()).isEqualTo(2);
        assertThat(noOut.err()).contains("Missing required option: '--out=DIR'");
    }

    @Test
    void unknownFilesAndDanglingReferencesAreWarnedAbout(@TempDir Path dir) throws IOException {
        assertThat(run("generate", "--orders", "300", "--out", dir.toString()).code()).isZero();
        Files.writeString(dir.resolve("notes.jsonl"), "{}\n");
        Path participants = dir.resolve("participants.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(participants));
        String merchantLine = lines.stream().filter(l -> l.contains("\"kind\":\"MERCHANT\"")).findFirst().orElseThrow();
        lines.remove(merchantLine);
        Files.write(participants, lines);
        Run r = run("assess", "--in", dir.toString(), "--out", dir.resolve("a.jsonl").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("warning: notes.jsonl is not an input file Caravan knows and was not read")
                .contains("field merchant_id: 'M-").contains("is not in participants.jsonl");
    }
}
