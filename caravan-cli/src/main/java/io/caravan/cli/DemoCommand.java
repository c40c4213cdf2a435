package io.caravan.cli;

import io.caravan.engine.Policies;
import io.caravan.reference.ReferenceData;
import io.caravan.server.access.AccessStore;
import io.caravan.server.access.Bootstrap;
import io.caravan.server.access.Role;
import io.caravan.server.audit.AuditLog;
import io.caravan.world.WorldFiles;
import io.caravan.world.WorldGenerator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Starts the server on the embedded database, loads a generated demo world through the REST API and prints"
                + " the address and a login. With --report, instead assesses the world on the command line and prints the"
                + " report with the share of planted risks caught."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "50000", description = "Orders in the world (default ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--report", description = "No server: assess on the command line and print the report (writes --dir).")
    boolean report;

    @Option(names = "--dir", defaultValue = "demo-world", paramLabel = "DIR",
            description = "With --report: where to write the world and its assessments (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080).")
    Integer port;

    @Option(names = "--home", paramLabel = "DIR", description = "Where the embedded database lives (default ~/.caravan).")
    Path home;

    @Option(names = "--exit", description = "Stop the server once the world is loaded (for scripts).")
    boolean exit;

    /** The demo organisation and its user. */
    static final String TENANT = "demo";
    static final String USER = "demo";

    @Override
    public Integer call() throws Exception {
        if (orders < WorldGenerator.MIN_ORDERS) {
            throw new IllegalArgumentException("--orders: a demo world needs at least " + WorldGenerator.MIN_ORDERS
                    + " orders, got " + orders);
        }
        return report ? report() : serve();
    }

    private int serve() throws Exception {
        long t0 = System.nanoTime();
        System.err.println("Starting the Caravan server on the embedded PostgreSQL …");
        RunningServer server = RunningServer.start(ServeCommand.properties(port, home, null), "--logging.level.root=WARN");
        ConfigurableApplicationContext context = server.context;
        String url = server.url;
        ReferenceData reference = context.getBean(ReferenceData.class);
        Login login = demoLogin(context);
        System.err.printf(Locale.ROOT, "Generating a demo world of %,d orders (seed %d) …%n", orders, seed);
        var events = new WorldGenerator(reference).generate(seed, orders).timeline();
        System.err.printf(Locale.ROOT, "Sending its %,d records to %s/api/v1/records as NDJSON bulks …%n", events.size(), url);
        long t1 = System.nanoTime();
        DemoLoader.Totals totals = new DemoLoader(url, login.token()).send(events, new Progress(System.err, "loading  ", events.size()));
        double seconds = (System.nanoTime() - t1) / 1e9;
        context.getBean(AccessStore.class).revokeKey(login.tenantId(), login.keyId());
        Map<String, Object> open = context.getBean(JdbcTemplate.class).queryForMap(
                "select count(*) filter (where severity = 'CRITICAL') critical, count(*) filter (where severity = 'HIGH') high,"
                        + " count(*) filter (where severity = 'MEDIUM') medium, count(*) total from alert where tenant_id = ?"
                        + " and status <> 'CLOSED'", login.tenantId());
        System.out.printf(Locale.ROOT,
                "%nDemo world loaded: %,d records accepted (%,d already stored), %,d assessments, in %.1f s (%,.0f records/s).%n",
                totals.accepted(), totals.duplicates(), totals.assessments(), seconds, events.size() / seconds);
        System.out.printf(Locale.ROOT,
                "Open alerts: %,d (%s critical, %s high, %s medium).%n", open.get("total"), open.get("critical"),
                open.get("high"), open.get("medium"));
        System.out.println();
        System.out.println("  Caravan is running at  " + url + "   (the dashboard)");
        System.out.println("  Log in as              " + USER + " / " + login.password() + "   (organisation '" + TENANT + "', role ADMIN)");
        System.out.println("  Alert queue            " + url + "/alerts");
        System.out.println("  API and its docs       " + url + "/swagger-ui.html   (log in first; OpenAPI at /v3/api-docs)");
        System.out.printf(Locale.ROOT, "%n  Data is kept in %s; the report without a server: ./caravan demo --report%n",
                context.getBean(io.caravan.server.CaravanProperties.class).home());
        System.out.printf(Locale.ROOT,
                "  Ready in %.1f s.%s%n", (System.nanoTime() - t0) / 1e9, exit ? "" : " Press Ctrl-C to stop.");
        if (exit) {
            context.close();
            return 0;
        }
        server.awaitClose();
        return 0;
    }

    private record Login(long tenantId, String password, String token, long keyId) {
    }

    /** The demo organisation, its user with a fresh password, and a key to load the world with. */
    private static Login demoLogin(ConfigurableApplicationContext context) {
        AccessStore store = context.getBean(AccessStore.class);
        PasswordEncoder encoder = context.getBean(PasswordEncoder.class);
        AuditLog audit = context.getBean(AuditLog.class);
        var tenant = store.tenantBySlug(TENANT).orElseGet(() -> {
            var t = store.createTenant(TENANT, "Demo marketplace", false);
            audit.record(t.id(), "demo", "tenant.created", "tenant:" + TENANT, "demo");
            return t;
        });
        String password = Bootstrap.randomPassword();
        List<AccessStore.User> users = store.users(tenant.id()).stream().filter(u -> u.username().equals(USER)).toList();
        if (users.isEmpty()) {
            store.createUser(tenant.id(), USER, encoder.encode(password), Role.ADMIN);
            audit.record(tenant.id(), "demo", "user.created", "user:" + USER, "role ADMIN");
        } else {
            store.updateUser(tenant.id(), users.get(0).id(), null, true, encoder.encode(password));
            audit.record(tenant.id(), "demo", "user.changed", "user:" + USER, "password changed by the demo command");
        }
        AccessStore.NewKey key = store.createKey(tenant.id(), "demo-loader", Role.INGEST, "demo");
        audit.record(tenant.id(), "demo", "api_key.created", "api_key:" + key.key().prefix(), "demo-loader, role INGEST");
        return new Login(tenant.id(), password, key.token(), key.key().id());
    }

    private int report() throws Exception {
        long t0 = System.nanoTime();
        CaravanCommand.ReferenceOptions options = new CaravanCommand.ReferenceOptions();
        var reference = options.load();
        System.err.printf(Locale.ROOT, "Generating a demo world of %,d orders (seed %d) in %s …%n", orders, seed, dir);
        WorldFiles.write(new WorldGenerator(reference).generate(seed, orders), dir);
        Path out = dir.resolve("assessments.jsonl");
        Report r = new Report(Policies.from(reference.settings()), 3);
        AssessmentRun.Summary s = new AssessmentRun(reference, System.err).run(dir, out, r::add);
        for (String w : s.warnings()) {
            System.err.println("warning: " + w);
        }
        System.out.print(r.render(WorldFiles.readLabels(dir.resolve(WorldFiles.LABELS))));
        System.out.printf(Locale.ROOT,
                "%nDemo: %,d events, %,d assessments in %.1f s. Assessments: %s%n", s.events(), s.assessments(),
                (System.nanoTime() - t0) / 1e9, out);
        System.out.println("Explain one:  ./caravan explain order:O-000100 --assessments " + out);
        return 0;
    }
}
