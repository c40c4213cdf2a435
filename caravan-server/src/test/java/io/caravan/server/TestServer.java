package io.caravan.server;

import io.caravan.server.storage.EmbeddedDatabase;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real server for the tests of a JVM, on a real PostgreSQL: the embedded one in a fresh folder under
 * target/, or the server named by {@code -Dcaravan.test.database.url} (how CI checks a second PostgreSQL
 * version). Tests make their own organisations, so they never see each other's data.
 */
public final class TestServer {

    public static final String ADMIN_PASSWORD = "operator-password-for-tests";

    private static volatile TestServer instance;

    private final ConfigurableApplicationContext context;
    private final String url;
    private final Map<String, String> database;
    private final Path home;

    private TestServer(Map<String, String> database, Path home) {
        this.database = database;
        this.home = home;
        this.context = start(database, home);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.url = "http://localhost:" + port;
    }

    public static synchronized TestServer get() {
        if (instance == null) {
            instance = new TestServer(startDatabase(), temp("home"));
        }
        return instance;
    }

    /** Connection settings of the test database, for a second server (restart tests). */
    public Map<String, String> database() {
        return database;
    }

    public String url() {
        return url;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /** Starts another server on the same database (the caller closes it). */
    public static ConfigurableApplicationContext start(Map<String, String> database, Path home) {
        return start(database, home, Map.of());
    }

    /** Starts another server with some settings of its own. */
    public static ConfigurableApplicationContext start(Map<String, String> database, Path home, Map<String, String> settings) {
        Map<String, String> p = new HashMap<>(database);
        p.putAll(settings);
        p.put("server.port", "0");
        p.put("caravan.home", home.toString());
        p.put("caravan.security.admin-password", ADMIN_PASSWORD);
        p.put("caravan.security.max-failed-logins", "5");
        p.put("caravan.security.lockout-seconds", "60");
        p.put("logging.level.root", "WARN");
        // closed by the test that started it, or by this class's exit hook before the database: Spring's own hook
        // would close it at exit concurrently with the database, and its engines' snapshots would find no database
        p.put("spring.main.register-shutdown-hook", "false");
        return CaravanServer.start(p);
    }

    /** A unique slug or name for this run. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, String> startDatabase() {
        String external = System.getProperty("caravan.test.database.url", "");
        Map<String, String> p = new HashMap<>();
        if (!external.isBlank()) {
            p.put("caravan.database.url", external);
            p.put("caravan.database.username", System.getProperty("caravan.test.database.username", ""));
            p.put("caravan.database.password", System.getProperty("caravan.test.database.password", ""));
            return p;
        }
        try {
            EmbeddedDatabase db = EmbeddedDatabase.start(temp("postgres"));
            // at exit the server closes first (writing its engines' snapshots), then its database, as in production
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    if (instance != null) {
                        instance.context.close();
                    }
                    db.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
            p.put("caravan.database.url", db.jdbcUrl());
            p.put("caravan.database.username", "postgres");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path temp(String name) {
        try {
            Path base = Path.of("target", "test-runs");
            Files.createDirectories(base);
            return Files.createTempDirectory(base, name + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
