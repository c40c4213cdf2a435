package io.caravan.cli;

import io.caravan.domain.Event;
import io.caravan.json.EventWriter;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * Sends a world's records to a server the way a user's system would: NDJSON bulks over HTTP with an API
 * key, in the order the records happened, and checks every answer.
 */
final class DemoLoader {

    /** Totals over all bulks. */
    record Totals(long accepted, long duplicates, long rejected, long assessments) {
    }

    static final int BULK_LINES = 20_000;

    private final String url;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    DemoLoader(String url, String token) {
        this.url = url;
        this.token = token;
    }

    /** The events as NDJSON bodies of at most {@link #BULK_LINES} lines, in order. */
    static List<String> bulks(List<Event> events) {
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < events.size(); i += BULK_LINES) {
            StringBuilder body = new StringBuilder(BULK_LINES * 500);
            for (Event e : events.subList(i, Math.min(events.size(), i + BULK_LINES))) {
                body.append(EventWriter.toJson(e)).append('\n');
            }
            bodies.add(body.toString());
        }
        return bodies;
    }

    /** Sends one NDJSON bulk and returns the server's line-by-line answer; anything but 200 is an error. */
    JsonNode post(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/records")).timeout(java.time.Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("the server refused a bulk (HTTP " + r.statusCode() + "): " + r.body());
        }
        return io.caravan.json.Json.mapper().readTree(r.body());
    }

    Totals send(List<Event> events, Progress progress) throws IOException, InterruptedException {
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        long assessments = 0;
        int sent = 0;
        for (String body : bulks(events)) {
            JsonNode j = post(body);
            accepted += j.get("accepted").longValue();
            duplicates += j.get("duplicates").longValue();
            rejected += j.get("rejected").longValue();
            assessments += j.get("assessments").longValue();
            if (j.get("rejected").longValue() > 0) {
                throw new IOException("the server rejected demo records: " + j.get("errors"));
            }
            sent += j.get("lines").intValue();
            progress.update(sent);
        }
        progress.finish();
        return new Totals(accepted, duplicates, rejected, assessments);
    }
}
