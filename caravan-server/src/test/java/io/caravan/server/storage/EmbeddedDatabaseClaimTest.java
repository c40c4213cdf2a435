package io.caravan.server.storage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A second server started on the folder of a running one stops with an error, and leaves the running one's
 * PostgreSQL alone: it must not take it for one that a killed server left behind.
 */
class EmbeddedDatabaseClaimTest {

    @Test
    void aSecondStartOnAFolderInUseIsRefusedAndTheFirstKeepsItsDatabase() throws Exception {
        Path base = Path.of("target", "test-runs");
        Files.createDirectories(base);
        Path folder = Files.createTempDirectory(base, "claim-").toAbsolutePath().resolve("postgres");
        EmbeddedDatabase first = EmbeddedDatabase.start(folder);
        try {
            assertThatThrownBy(() -> EmbeddedDatabase.start(folder))
                    .isInstanceOf(IOException.class)
                    .hasMessage("another Caravan server (process " + ProcessHandle.current().pid() + ") is using the embedded"
                            + " PostgreSQL in " + folder + "; stop it first, or start this one with a home of its own (--home DIR)");
            try (var con = DriverManager.getConnection(first.jdbcUrl(), "postgres", ""); var st = con.createStatement();
                 var rs = st.executeQuery("select 1")) {
                assertThat(rs.next()).as("the first server's PostgreSQL still answers").isTrue();
            }
        } finally {
            first.close();
        }
        // once the first has stopped, the folder is free again
        EmbeddedDatabase again = EmbeddedDatabase.start(folder);
        again.close();
    }
}
