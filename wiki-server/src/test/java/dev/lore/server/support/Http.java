package dev.lore.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A small HTTP client for tests: JSON in and out, bearer tokens, raw bodies, form posts. */
public final class Http {
    /**
     * How long a request may take before the test fails: a guard against a hung server, not a
     * measure of speed. Long, because on a machine busy with other work the first requests of a
     * cold JVM took over 30 s.
     */
    public static final Duration PATIENCE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(PATIENCE)
            .build();

    Http(URI base) {
        this.base = base;
    }

    /** A client for any server, e.g. one a test started itself. */
    public static Http at(URI base) {
        return new Http(base);
    }

    public URI base() {
        return base;
    }

    /** A response: status, headers and body, with the body as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        /** The value of the cookie {@code name} this response sets. */
        public String cookie(String name) {
            return all("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(name.length() + 1, c.indexOf(';')))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + headers));
        }

        public List<String> all(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .toList();
        }
    }

    /** Signs in over the API and returns the bearer token. */
    public String login(String username, String password) {
        Response r =
                send("POST", "/api/login", json(Map.of("username", username, "password", password)), null, Map.of());
        if (r.status() != 200) {
            throw new AssertionError("login failed: " + r.status() + " " + r.body());
        }
        return r.json().get("token").asText();
    }

    /** Signs in through the form and returns the cookie header a browser would send. */
    public String browserSession(String username, String password) {
        String csrf = get("/login").cookie("lore_csrf");
        Response login =
                form("/login", Map.of("username", username, "password", password, "_csrf", csrf), "lore_csrf=" + csrf);
        if (login.status() != 303) {
            throw new AssertionError("form sign-in failed: " + login.status() + " " + login.body());
        }
        // signing in replaces the CSRF token, as a browser would see
        return "lore_csrf=" + login.cookie("lore_csrf") + "; lore_session=" + login.cookie("lore_session");
    }

    /** The CSRF token inside a cookie header made by {@link #browserSession}. */
    public static String csrfOf(String cookies) {
        return cookies.substring("lore_csrf=".length(), cookies.indexOf(';'));
    }

    public Response get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Response get(String path, String token) {
        return send("GET", path, null, token, Map.of());
    }

    public Response post(String path, Object body, String token) {
        return send("POST", path, json(body), token, Map.of());
    }

    public Response put(String path, Object body, String token) {
        return send("PUT", path, json(body), token, Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, null, token, Map.of());
    }

    /** Sends a body exactly as given, with a content type. */
    public Response raw(String method, String path, String body, String contentType, String token) {
        return send(method, path, body, token, Map.of("Content-Type", contentType));
    }

    /** A browser-style form post with cookies. */
    public Response form(String path, Map<String, String> fields, String cookieHeader) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, String> headers = cookieHeader == null
                ? Map.of("Content-Type", "application/x-www-form-urlencoded")
                : Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookieHeader);
        return send("POST", path, body, null, headers);
    }

    /** A browser-style form post with cookies, fields in order (a name may repeat). */
    public Response form(String path, List<Map.Entry<String, String>> fields, String cookieHeader) {
        String body = fields.stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(
                "POST",
                path,
                body,
                null,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", cookieHeader));
    }

    public Response getWithCookies(String path, String cookieHeader) {
        return send("GET", path, null, null, Map.of("Cookie", cookieHeader, "Accept", "text/html"));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response send(String method, String path, String body, String token, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(PATIENCE);
        builder.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
