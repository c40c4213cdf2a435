package io.caravan.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * The server's settings ({@code caravan.*}), from {@code application.properties}, a file named by
 * {@code --spring.config.additional-location}, or environment variables such as {@code CARAVAN_DATABASE_URL}.
 * Every setting is described in docs/operations.md.
 */
@ConfigurationProperties("caravan")
public record CaravanProperties(
        Path home,
        @DefaultValue Database database,
        @DefaultValue Ingest ingest,
        @DefaultValue Security security) {

    /** Without {@code caravan.home} (or {@code CARAVAN_HOME}) the data lives in {@code .caravan} in the user's home. */
    public CaravanProperties {
        if (home == null) {
            home = defaultHome();
        }
        home = home.toAbsolutePath();
    }

    /** {@code ~/.caravan}: placeholders are not resolved in a default value, so it is computed here. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".caravan");
    }

    /** Where the data lives: an external PostgreSQL by URL, or (URL empty) the embedded one under {@code home}. */
    public record Database(@DefaultValue("") String url, @DefaultValue("") String username,
                           @DefaultValue("") String password, @DefaultValue("16") int poolSize) {
        public boolean embedded() {
            return url.isBlank();
        }
    }

    /**
     * Limits on ingestion: the largest request body, the most records in one request, the records per
     * second a tenant may send (a token bucket holding {@code burst} records), and how far ahead of the server's clock
     * a record's time may be.
     */
    public record Ingest(@DefaultValue("67108864") long maxBodyBytes, @DefaultValue("100000") int maxRecords,
                         @DefaultValue("200000") double recordsPerSecond, @DefaultValue("400000") double burst,
                         @DefaultValue("2000") int batchRecords, @DefaultValue("P1D") java.time.Duration maxAhead) {
    }

    /**
     * Access: failed logins allowed per user and per address before a lock-out of {@code lockoutSeconds}
     * (doubling on each further failure), and the initial operator password (random when empty).
     */
    public record Security(@DefaultValue("5") int maxFailedLogins, @DefaultValue("60") int lockoutSeconds,
                           @DefaultValue("") String adminPassword) {
    }
}
