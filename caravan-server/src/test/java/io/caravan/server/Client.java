package io.caravan.server;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP client of the server as a user sees it: a browser session (with CSRF) or an API key. */
public final class Client {

    /** A response: status, headers and body. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            return MAPPER.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String apiKey;

    private Client(String base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The API key this client sends, or null. */
    public String apiKey() {
        return apiKey;
    }

    /** The same credentials against another server. */
    public Client at(String otherBase) {
        return new Client(otherBase, apiKey);
    }

    public static Client anonymous(String base) {
        return new Client(base, null);
    }

    public static Client withKey(String base, String key) {
        return new Client(base, key);
    }

    /** Logs in through the login form; returns the client, or throws with the status if the login failed. */
    public static Client login(String base, String username, String password) {
        Client c = new Client(base, null);
        Response r = c.tryLogin(username, password);
        if (r.status() != 302 || r.header("Location") == null || r.header("Location").contains("error")) {
            throw new IllegalStateException("login of " + username + " failed: " + r.status() + " " + r.header("Location"));
        }
        return c;
    }

    /** Posts the login form with the page's CSRF token. */
    public Response tryLogin(String username, String password) {
        Response page = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        String token = m.find() ? m.group(1) : "";
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token);
        return send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** A GET with one more header. */
    public Response get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    public Response post(String path, String json) {
        return post(path, "application/json", json);
    }

    public Response patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response postNdjson(String path, String body) {
        return post(path, "application/x-ndjson", body);
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts bytes as they are, e.g. a file. */
    public Response post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Posts bytes as they are, with a Content-Encoding (e.g. gzip) saying how to read them. */
    public Response post(String path, String contentType, String contentEncoding, byte[] body) {
        return send(request(path).header("Content-Type", contentType).header("Content-Encoding", contentEncoding)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Posts a body without its length: sent in chunks, as a client streaming an upload does. */
    public Response postStreamed(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
    }

    public Response postMultipart(String path, String fileName, byte[] content) {
        return postMultipart(path, "file", fileName, content);
    }

    public Response postMultipart(String path, String part, String fileName, byte[] content) {
        return postMultipart(path, part, fileName, content, Map.of());
    }

    /** A file part and text parts beside it (name to value); with {@code part} null, the text parts alone. */
    public Response postMultipart(String path, String part, String fileName, byte[] content, Map<String, String> textParts) {
        String boundary = "caravan" + System.nanoTime();
        StringBuilder texts = new StringBuilder();
        textParts.forEach((name, value) -> texts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        // with no file part (part null), the text parts alone
        byte[] head = (part == null ? texts.toString() : texts + "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + part + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ((part == null ? "" : "\r\n") + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Sends without the CSRF header, as a forged cross-site request would. */
    public Response postWithoutCsrf(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        } else {
            for (HttpCookie c : cookies.getCookieStore().getCookies()) {
                if (c.getName().equals("XSRF-TOKEN")) {
                    b.header("X-XSRF-TOKEN", c.getValue());
                }
            }
        }
        return b;
    }

    private Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
