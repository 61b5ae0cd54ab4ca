package dev.lore.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The scale benchmark's requests over HTTP: sign in, create an article, read, and await readiness. */
final class ScaleLoad {
    private final HttpClient http;

    ScaleLoad(HttpClient http) {
        this.http = http;
    }

    String login(URI url, String password) {
        String body = send(HttpRequest.newBuilder(url.resolve("/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"admin\",\"password\":\"" + password + "\"}")));
        return body.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** Creates an article titled {@code title} and returns its slug. */
    String create(URI url, String token, String title) {
        String body = send(HttpRequest.newBuilder(url.resolve("/api/articles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title
                        + "\",\"markdown\":\"A load test page about " + title + ", with some words to search.\"}")));
        return body.replaceAll("(?s).*\"slug\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    String get(URI url, String path, String token) {
        return send(HttpRequest.newBuilder(url.resolve(path))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    /** Asks {@code /api/ready} until it answers 200 (the server's index caught up with the graph). */
    void awaitReady(URI url, Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                var r = http.send(
                        HttpRequest.newBuilder(url.resolve("/api/ready"))
                                .timeout(Duration.ofMinutes(1))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not answering yet
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(url + " was not ready within " + patience);
            }
            Thread.sleep(10);
        }
    }

    /** A word of letters only, different for each {@code n}, that no analyzer splits or stems. */
    static String word(int n) {
        var sb = new StringBuilder("qz");
        do {
            sb.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.append("qz").toString();
    }

    private String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r =
                    http.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " from " + r.uri() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
