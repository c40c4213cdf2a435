package io.caravan.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 in the middle of a bulk ingest, on the embedded default database: after a restart every
 * acknowledged record is there, none twice, and re-sending everything gives exactly the assessments of
 * an uninterrupted run.
 */
class CrashTest {

    static final int CHUNK = 400;

    @Test
    void aKilledServerLosesNothingAcknowledgedAndStoresNothingTwice() throws Exception {
        List<String> world = Worlds.lines(400);
        Path home = TestServer.temp("crash");
        ServerProcess first = ServerProcess.start(home, "first");
        Org org;
        List<List<String>> acknowledged = new ArrayList<>();
        try {
            org = Org.create("crash", first.url);
            Client ingest = org.as(Org.Role.INGEST);
            int sent = 0;
            while (acknowledged.size() < 3) {
                List<String> chunk = world.subList(sent, sent + CHUNK);
                assertThat(ingest.postNdjson("/api/v1/records", Worlds.ndjson(chunk)).status()).isEqualTo(200);
                acknowledged.add(chunk);
                sent += CHUNK;
            }
            // The next bulk is on its way when the process dies.
            String inFlight = Worlds.ndjson(world.subList(sent, world.size()));
            CompletableFuture<Integer> cut = CompletableFuture.supplyAsync(() -> {
                try {
                    return ingest.postNdjson("/api/v1/records", inFlight).status();
                } catch (RuntimeException e) {
                    return -1;
                }
            });
            Thread.sleep(150);
            first.kill9();
            assertThat(cut.get()).as("the in-flight bulk was not acknowledged").isEqualTo(-1);
        } catch (Throwable t) {
            first.kill9();
            throw t;
        }

        ServerProcess second = ServerProcess.start(home, "second");
        try {
            Org again = Org.reconnect(org, second.url);
            Client ingest = again.as(Org.Role.INGEST);
            for (List<String> chunk : acknowledged) {
                var r = ingest.postNdjson("/api/v1/records", Worlds.ndjson(chunk)).json();
                assertThat(r.get("duplicates").intValue()).as("every acknowledged record survived").isEqualTo(chunk.size());
                assertThat(r.get("accepted").intValue()).isZero();
            }
            var all = ingest.postNdjson("/api/v1/records", Worlds.ndjson(world)).json();
            assertThat(all.get("accepted").intValue() + all.get("duplicates").intValue()).isEqualTo(world.size());
            assertThat(all.get("rejected").intValue()).isZero();
            assertThat(again.as(Org.Role.VIEWER).get("/api/v1/records/orders?size=1").json().get("total").longValue())
                    .as("no order stored twice").isEqualTo(400);

            Org steady = Org.create("steady", second.url);
            steady.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world));
            String expected = steady.as(Org.Role.VIEWER).get("/api/v1/assessments/export").body();
            String actual = again.as(Org.Role.VIEWER).get("/api/v1/assessments/export").body();
            assertThat(actual.lines().count()).isGreaterThan(400);
            assertThat(actual).isEqualTo(expected);
        } finally {
            second.stop();
        }
    }
}
