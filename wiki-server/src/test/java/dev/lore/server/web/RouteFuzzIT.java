package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.LoreAccess;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sends hostile requests to every route the server has (read from its route table, so a new route
 * is covered without touching this test): path and query parameters, bodies and content types
 * filled with huge, negative and malformed numbers, empty and 10,000-character text, emoji, control
 * characters, malformed JSON, JSON of the wrong type and unknown charsets; as an anonymous caller,
 * as the admin with a bearer token, and as the admin's browser session with its CSRF token. No
 * answer may be a 5xx or show an exception. A fixed seed and a fixed number of requests per route
 * make every run the same; a failure names the seed's request, so it can be replayed.
 *
 * <p>A seeded {@link Random} drives the generation, not a property-testing engine: such an engine
 * does not run JUnit Jupiter extensions like {@link TestLore}, and shrinking a failure would replay
 * requests against a server whose state they changed (see docs/NOTES.md).
 */
@ExtendWith(TestLore.class)
class RouteFuzzIT {
    private static final long SEED = 20261206L;
    /** Requests per route: anonymous, bearer token, browser session. */
    private static final int[] ROUNDS = {2, 1, 1};

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}|<([^>]+)>");
    private static final String LONG = "a".repeat(10_000);
    private static final List<String> TEXT = List.of(
            "",
            " ",
            "0",
            "-1",
            "1",
            "2147483648",
            "-2147483649",
            "99999999999999999999",
            "1e309",
            "NaN",
            "Infinity",
            "-0",
            "0x1F",
            "1.5",
            LONG,
            "🚀".repeat(300),
            "😀 👩‍👩‍👧 ",
            "\u202eevil\u200b",
            "\u0000\u0001\u001b[31m\u007f",
            "\r\n\t",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "${jndi:ldap://x}",
            "{{7*7}}",
            "../../etc/passwd",
            "%",
            "%zz",
            "\\",
            "\"",
            "null",
            "true",
            "[]",
            "{}",
            "tag:",
            "-\"",
            "2026-02-30",
            "2026-W99",
            "2026-13",
            "kafka");
    private static final List<String> NUMBERS =
            List.of("0", "-1", "2147483648", "99999999999999999999", "1e400", "-1e400", "1.5", "NaN", "true", "\"7\"");
    private static final List<String> QUERY_NAMES = List.of(
            "q",
            "topic",
            "limit",
            "offset",
            "page",
            "size",
            "p",
            "from",
            "to",
            "type",
            "tag",
            "skill",
            "author",
            "updated",
            "sort",
            "days",
            "unansweredDays",
            "month",
            "team",
            "format",
            "home",
            "mine",
            "unanswered",
            "next",
            "back",
            "includeUnavailable",
            "title",
            "slug",
            "collection",
            "find",
            "s");
    private static final List<String> FIELDS = List.of(
            "title",
            "markdown",
            "tags",
            "skills",
            "owner",
            "message",
            "baseRevision",
            "username",
            "password",
            "id",
            "name",
            "email",
            "team",
            "role",
            "skill",
            "level",
            "status",
            "until",
            "alias",
            "description",
            "kind",
            "target",
            "targetKind",
            "targetId",
            "to",
            "note",
            "position",
            "slug",
            "reason",
            "step",
            "done",
            "reflection",
            "shared",
            "steps",
            "ref",
            "prompt",
            "articles",
            "onHome",
            "reviewDays",
            "token");
    private static final List<String> CONTENT_TYPES = List.of(
            "application/json",
            "application/json; charset=utf-8",
            "application/json; charset=bogus",
            "application/json; charset=",
            "application/json; charset=\"utf-16\"",
            "text/plain",
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=bogus",
            "multipart/form-data; boundary=fuzz",
            "multipart/form-data",
            "application/zip",
            "application/octet-stream",
            "*/*",
            "no/such; x=y");

    private final Random random = new Random(SEED);
    private Caller bearer;
    private Caller session;

    private record Caller(String name, String token, Map<String, String> headers) {}

    private record Failure(String request, int status, String body) {
        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return request + "\n  -> " + status + " " + shown.replace('\n', ' ');
        }
    }

    @Test
    void noRouteAnswersHostileInputWithAServerError(TestLore.Running lore, Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var article = http.post("/api/articles", Map.of("title", "Fuzz target", "markdown", "# One\n\nTwo."), carla);
        assertThat(article.status()).isEqualTo(201);
        var question = http.post("/api/questions", Map.of("title", "Where do fuzzers live?"), carla);
        assertThat(question.status()).isEqualTo(201);
        List<String> real = List.of(
                article.json().get("slug").asText(), question.json().get("id").asText(), "carla.contrib", "1");

        List<WebServer.Route> routes = LoreAccess.routes(lore.lore());
        assertThat(routes).hasSizeGreaterThan(50);
        var failures = new ArrayList<Failure>();
        var slowest = new HashMap<String, Long>();
        long begun = System.nanoTime();
        int sent = 0;
        for (WebServer.Route route : routes) {
            for (int c = 0; c < ROUNDS.length; c++) {
                for (int round = 0; round < ROUNDS[c]; round++) {
                    Caller caller = caller(c, http);
                    String path = fill(route.path(), real) + query();
                    String type = pick(CONTENT_TYPES);
                    String body = "GET".equals(route.method()) || "HEAD".equals(route.method()) ? null : body(type);
                    var headers = new LinkedHashMap<>(caller.headers());
                    if (body != null) {
                        headers.put("Content-Type", type);
                    }
                    headers.put("Accept", random.nextBoolean() ? "text/html" : "application/json");
                    String request = caller.name() + " " + route.method() + " " + path
                            + (body == null ? "" : " [" + type + "] " + abbreviate(body));
                    long started = System.nanoTime();
                    Answer r = send(http.base().getPort(), route.method(), path, headers, body);
                    slowest.merge(route.method() + " " + route.path(), System.nanoTime() - started, Math::max);
                    sent++;
                    signedOutIf(r.status() == 401 || route.path().contains("logout"), c);
                    if (r.status() >= 500
                            || r.body().contains("Exception")
                            || r.body().contains("at dev.lore")) {
                        failures.add(new Failure(request, r.status(), r.body()));
                    }
                }
            }
        }
        System.out.printf(
                "RouteFuzzIT: %d requests to %d routes in %d s; slowest: %s%n",
                sent,
                routes.size(),
                (System.nanoTime() - begun) / 1_000_000_000,
                slowest.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(5)
                        .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
                        .collect(Collectors.joining(", ")));
        assertThat(sent).isEqualTo(routes.size() * IntStream.of(ROUNDS).sum());
        assertThat(failures)
                .as(
                        "seed %d, %d of %d requests failed:\n%s",
                        SEED,
                        failures.size(),
                        sent,
                        failures.stream().limit(25).map(Failure::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    /** A status and a body, as received. */
    private record Answer(int status, String body) {}

    /**
     * Sends one request on its own connection ({@code Connection: close}) and reads the answer to the
     * end. A client that reuses connections can send a request on one the server has just closed
     * after refusing a broken body, and fail for that reason alone. A chunked answer is read with its
     * chunk sizes in it, which does not hide an exception's name.
     */
    private static Answer send(int port, String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (var socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000); // only against a hang; an answer takes milliseconds
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher status = STATUS_LINE.matcher(answer);
            if (!status.lookingAt()) {
                return new Answer(599, "no HTTP answer: " + answer);
            }
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(status.group(1)), bodyAt < 0 ? "" : answer.substring(bodyAt + 4));
        } catch (IOException e) {
            return new Answer(599, "no answer: " + e);
        }
    }

    /** The callers; a signed-in one is signed in afresh after a request signed it out. */
    private Caller caller(int which, Http http) {
        return switch (which) {
            case 0 -> new Caller("anonymous", null, Map.of());
            case 1 -> {
                if (bearer == null) {
                    bearer = new Caller("admin-token", http.login("admin", TestLore.PASSWORD), Map.of());
                }
                yield bearer;
            }
            default -> {
                if (session == null) {
                    String cookies = http.browserSession("admin", TestLore.PASSWORD);
                    session = new Caller(
                            "admin-session",
                            null,
                            Map.of("Cookie", cookies, Security.CSRF_HEADER, Http.csrfOf(cookies)));
                }
                yield session;
            }
        };
    }

    private void signedOutIf(boolean signedOut, int which) {
        if (signedOut && which == 1) {
            bearer = null;
        } else if (signedOut && which == 2) {
            session = null;
        }
    }

    private String fill(String pattern, List<String> real) {
        Matcher m = PATH_PARAM.matcher(pattern);
        var out = new StringBuilder();
        while (m.find()) {
            String value = random.nextInt(3) == 0 ? pick(real) : pick(TEXT);
            if (value.isEmpty()) {
                value = "x"; // an empty segment is another route
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encode(value).replace("+", "%20")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String query() {
        int n = random.nextInt(4);
        if (n == 0) {
            return "";
        }
        var parts = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            parts.add(pick(QUERY_NAMES) + "=" + encode(random.nextBoolean() ? pick(TEXT) : pick(NUMBERS)));
        }
        return "?" + String.join("&", parts);
    }

    private String body(String type) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> pick(List.of("{", "{\"title\":", "[1,2", "nul", "{\"a\":1}}", "\uFEFF{}", "{'x': 1}"));
            case 2 -> pick(List.of("null", "[]", "42", "\"text\"", "true", "[{}]", "{}"));
            case 3 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 4 ->
                type.startsWith("application/x-www-form-urlencoded")
                        ? form()
                        : "--fuzz\r\nContent-Disposition: form-data; name=\"pack\"; filename=\"" + pick(TEXT)
                                + "\"\r\n\r\n" + pick(TEXT) + "\r\n--fuzz";
            case 5 -> pick(TEXT);
            default -> jsonObject();
        };
    }

    private String form() {
        return FIELDS.stream()
                .filter(f -> random.nextInt(3) == 0)
                .map(f -> f + "=" + encode(pick(TEXT)))
                .collect(Collectors.joining("&"));
    }

    private String jsonObject() {
        return FIELDS.stream()
                .filter(f -> random.nextInt(3) == 0)
                .map(f -> "\"" + f + "\": " + jsonValue(0))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private String jsonValue(int depth) {
        return switch (random.nextInt(depth > 1 ? 3 : 6)) {
            case 0 -> jsonString(pick(TEXT));
            case 1 -> pick(NUMBERS);
            case 2 -> pick(List.of("null", "true", "false"));
            case 3 -> "[" + jsonValue(depth + 1) + ", " + jsonValue(depth + 1) + "]";
            case 4 -> "{\"name\": " + jsonValue(depth + 1) + ", \"level\": " + jsonValue(depth + 1) + "}";
            default -> "[" + jsonString(pick(TEXT)) + "]";
        };
    }

    private static String jsonString(String text) {
        var out = new StringBuilder("\"");
        text.chars().forEach(ch -> {
            if (ch == '"' || ch == '\\') {
                out.append('\\').append((char) ch);
            } else if (ch < 0x20) {
                out.append(String.format("\\u%04x", ch));
            } else {
                out.append((char) ch);
            }
        });
        return out.append('"').toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…(" + text.length() + " chars)" : text;
    }
}
