package io.caravan.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded PostgreSQL dies under a running server (killed, or its folder removed). Stopping the server then takes
 * seconds, not the pool's 30 s connection wait once per organisation; and the next start, which recovers the database
 * from its WAL, has every record that was acknowledged.
 */
class DatabaseGoneTest {

    @Test
    void aServerWhoseDatabaseDiedStopsPromptlyAndTheNextStartHasEverything() throws Exception {
        List<String> world = Worlds.lines(200).subList(0, 300);
        Path home = TestServer.temp("database-gone");
        ServerProcess first = ServerProcess.start(home, "first");
        Org one;
        Org two;
        try {
            one = Org.create("gone-one", first.url);
            two = Org.create("gone-two", first.url);
            for (Org o : List.of(one, two)) {
                assertThat(o.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world)).json()
                        .get("accepted").intValue()).isEqualTo(world.size());
            }

            long pid = Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            postmaster.destroyForcibly();
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            long t0 = System.nanoTime();
            first.process.destroy(); // SIGTERM: a graceful stop
            boolean ended = first.process.waitFor(60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(ended).as("the server stopped").isTrue();
            // Two organisations, each waiting the pool's 30 s for a connection to write its snapshot, took over a minute.
            assertThat(seconds).as("seconds to stop without a database").isLessThan(20);
            assertThat(Files.readString(first.log)).contains("The database did not answer within 5 s as the server stopped");
        } catch (Throwable t) {
            first.kill9();
            throw t;
        }

        ServerProcess second = ServerProcess.start(home, "second");
        try {
            for (Org o : List.of(one, two)) {
                var r = Org.reconnect(o, second.url).as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world)).json();
                assertThat(r.get("duplicates").intValue()).as("every acknowledged record survived").isEqualTo(world.size());
                assertThat(r.get("accepted").intValue()).isZero();
            }
        } finally {
            second.stop();
        }
    }
}
