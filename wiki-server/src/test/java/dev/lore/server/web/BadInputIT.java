package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.seed.PackFiles;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Input that used to make Lore fail with a 500: each case is a clear 4xx now. */
@ExtendWith(TestLore.class)
class BadInputIT {
    private TestLore.Running lore;
    private Http http;
    private String carla;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private static void assertClientError(Http.Response r, int... allowed) {
        assertThat(r.status()).as(r.body()).isIn(IntStream.of(allowed).boxed().toList());
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.lore");
    }

    // ---- content types ----------------------------------------------------------------------

    @Test
    void aJsonBodyInAnUnknownCharsetIsA400NamingTheCharset() {
        for (String charset : List.of("bogus", "utf-99", "@@@", "")) {
            var r = http.raw(
                    "POST",
                    "/api/articles",
                    "{\"title\": \"Charsets\", \"markdown\": \"Hello.\"}",
                    "application/json; charset=" + charset,
                    carla);
            assertClientError(r, 400, 415);
            assertThat(r.json().get("error").asText()).isIn("bad_request", "unsupported_media_type");
            if (!charset.isEmpty()) {
                assertThat(r.json().get("detail").asText()).contains(charset);
            }
        }
        var preview =
                http.raw("POST", "/api/preview", "{\"markdown\": \"x\"}", "application/json;charset=bogus", carla);
        assertClientError(preview, 400, 415);
    }

    @Test
    void aKnownCharsetOtherThanUtf8IsRead() {
        var r = http.raw(
                "POST",
                "/api/articles",
                "{\"title\": \"Latin\", \"markdown\": \"Hello.\"}",
                "application/json; charset=ISO-8859-1",
                carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    // ---- diff parameters --------------------------------------------------------------------

    @Test
    void aDiffWithMalformedOrMissingRevisionsIsA400Or404() {
        var created = http.post("/api/articles", Map.of("title", "Diffs", "markdown", "One."), carla);
        assertThat(created.status()).isEqualTo(201);
        for (String bad : List.of("abc", "0", "-1", "99999999999999999999", "1.5", "NaN")) {
            for (String query : List.of("from=" + bad, "to=" + bad, "from=1&to=" + bad, "from=" + bad + "&to=1")) {
                assertClientError(http.get("/wiki/diffs/diff?" + query), 400, 404);
                assertClientError(http.get("/api/articles/diffs/diff?" + query), 400, 404);
            }
        }
        var missing = http.get("/wiki/diffs/diff?from=1&to=7");
        assertClientError(missing, 404);
        assertThat(missing.body()).contains("no revision 7");
        assertThat(http.get("/wiki/diffs/diff?from=1&to=1").status()).isEqualTo(200);
    }

    // ---- search clause limit ------------------------------------------------------------------

    private static String distinctWords(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "w" + Integer.toString(i, 36))
                .collect(Collectors.joining(" "));
    }

    @Test
    void aSearchWithHundredsOfDistinctWordsOrEmojiStillSearches() {
        var created = http.post(
                "/api/articles", Map.of("title", "Kafka topics", "markdown", "Partitions and w1 w2 w3."), carla);
        assertThat(created.status()).isEqualTo(201);
        String words = "kafka " + distinctWords(1_500);
        String emoji = "🚀".repeat(400);
        String spacedEmoji = IntStream.range(0, 400).mapToObj(i -> "😀").collect(Collectors.joining(" "));
        String phrases =
                IntStream.range(0, 150).mapToObj(i -> "\"p" + i + " q\"").collect(Collectors.joining(" "));
        String excluded =
                "kafka " + IntStream.range(0, 300).mapToObj(i -> "-x" + i).collect(Collectors.joining(" "));
        String filters =
                "kafka " + IntStream.range(0, 150).mapToObj(i -> "tag:t" + i).collect(Collectors.joining(" "));
        String fuzzy = IntStream.range(0, 150).mapToObj(i -> "kafkq" + i).collect(Collectors.joining(" "));
        for (String q : List.of(words, emoji, spacedEmoji, phrases, excluded, filters, fuzzy, "-" + emoji)) {
            String enc = Http.enc(q);
            var api = http.get("/api/search?q=" + enc);
            assertThat(api.status()).as(api.body()).isEqualTo(200);
            assertThat(http.get("/search?q=" + enc).status()).isEqualTo(200);
            assertThat(http.get("/api/suggest?q=" + enc).status()).isEqualTo(200);
            assertThat(http.get("/api/questions/similar?title=" + enc).status()).isIn(200, 400);
            assertThat(http.get("/api/experts?topic=" + Http.enc(q.substring(0, Math.min(q.length(), 1000))))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(http.get("/api/search?q=" + Http.enc(words))
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    // ---- broken bodies and uploads ------------------------------------------------------------

    /** Sends {@code request} as is on a fresh connection, half-closes, and returns the whole answer. */
    private String exchange(String request) {
        try (var socket = new Socket("localhost", http.base().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.shutdownOutput();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String chunked(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer " + carla + "\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n" + body;
    }

    @Test
    void aMalformedChunkedBodyIsA400() {
        for (String body : List.of(
                "zz\r\n{\"title\":1}\r\n0\r\n\r\n", // not a chunk size
                "64\r\n{\"title\": \"Half", // declares 100 bytes, sends 15, ends
                "5\r\n{\"tit\r\n", // ends before the last chunk
                "5\r\n{\"titXXXXX\r\n0\r\n\r\n")) { // chunk longer than declared
            String answer = exchange(chunked("/api/articles", body));
            assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("Exception").doesNotContain("at dev.lore");
        }
        assertThat(http.get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void aPackEntryNameLongerThan255BytesIsA400NamingIt() {
        String champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        String longName = "a".repeat(300) + ".md";
        String longFolder = "é".repeat(200) + "/page.md"; // 400 bytes in UTF-8
        for (String name : List.of(longName, "pack/" + longName, longFolder)) {
            byte[] zip = PackFiles.zip(Map.of(name, "# Hello\n"));
            var r = PackFiles.send(
                    http.base(),
                    "POST",
                    "/api/seed-packs",
                    zip,
                    Map.of("Content-Type", "application/zip", "Authorization", "Bearer " + champion));
            assertThat(r.status()).as(r.text()).isEqualTo(400);
            assertThat(r.text()).contains("255 bytes").contains(name.substring(0, 20));
        }
        var form = PackFiles.multipart(Map.of(), List.of(PackFiles.Part.text("files", longName, "# Hello\n")));
        var r = PackFiles.send(
                http.base(),
                "POST",
                "/api/seed-packs",
                form.getValue(),
                Map.of("Content-Type", form.getKey(), "Authorization", "Bearer " + champion));
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text()).contains("255 bytes");
    }
}
