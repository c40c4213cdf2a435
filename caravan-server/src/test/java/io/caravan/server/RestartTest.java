package io.caravan.server;

import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart rebuilds each engine from the stored records: assessments after it equal those of an uninterrupted run. */
class RestartTest {

    @Test
    void assessmentsAfterARestartEqualThoseOfAnUninterruptedRun() {
        List<String> world = Worlds.lines(300);
        Org uninterrupted = Org.create("steady");
        assertThat(uninterrupted.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world)).json()
                .get("accepted").intValue()).isEqualTo(world.size());

        int half = world.size() / 2;
        ConfigurableApplicationContext first = TestServer.start(TestServer.get().database(), TestServer.temp("restart"));
        Org restarted = Org.create("restarted", url(first));
        assertThat(restarted.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world.subList(0, half))).json()
                .get("accepted").intValue()).isEqualTo(half);
        first.close();

        ConfigurableApplicationContext second = TestServer.start(TestServer.get().database(), TestServer.temp("restart"));
        try {
            Org again = Org.reconnect(restarted, url(second));
            Client.Response rest = again.as(Org.Role.INGEST).postNdjson("/api/v1/records", Worlds.ndjson(world));
            assertThat(rest.json().get("duplicates").intValue()).isEqualTo(half);
            assertThat(rest.json().get("accepted").intValue()).isEqualTo(world.size() - half);
            String expected = uninterrupted.as(Org.Role.VIEWER).get("/api/v1/assessments/export").body();
            String actual = again.as(Org.Role.VIEWER).get("/api/v1/assessments/export").body();
            assertThat(actual.lines().count()).isGreaterThan(world.size() / 3);
            assertThat(actual).isEqualTo(expected);
        } finally {
            second.close();
        }
    }

    static String url(ConfigurableApplicationContext c) {
        return "http://localhost:" + ((WebServerApplicationContext) c).getWebServer().getPort();
    }
}
