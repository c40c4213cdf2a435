package io.caravan.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Caravan server: the REST API (OpenAPI UI at /swagger-ui.html), storage, alerts, cases and audit.",
            "Without --database-url it keeps its data in an embedded PostgreSQL under --home. Every setting of"
                    + " docs/operations.md can also be given as --caravan.…=VALUE or as an environment variable."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080).")
    Integer port;

    @Option(names = "--home", paramLabel = "DIR", description = "Where the embedded database and files live (default ~/.caravan).")
    Path home;

    @Option(names = "--database-url", paramLabel = "JDBC_URL",
            description = "An external PostgreSQL, e.g. jdbc:postgresql://db:5432/caravan (user and password from"
                    + " CARAVAN_DATABASE_USERNAME and CARAVAN_DATABASE_PASSWORD).")
    String databaseUrl;

    @picocli.CommandLine.Unmatched
    String[] springArgs = new String[0];

    @Override
    public Integer call() throws Exception {
        RunningServer.start(properties(port, home, databaseUrl), springArgs).awaitClose();
        return 0;
    }

    static Map<String, String> properties(Integer port, Path home, String databaseUrl) {
        Map<String, String> p = new LinkedHashMap<>();
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("--port must be from 1 to 65535 (or 0 for any free port), not " + port);
        }
        if (port != null) {
            p.put("server.port", Integer.toString(port));
        }
        if (home != null) {
            p.put("caravan.home", home.toAbsolutePath().toString());
        }
        if (databaseUrl != null) {
            p.put("caravan.database.url", databaseUrl);
        }
        return p;
    }
}
