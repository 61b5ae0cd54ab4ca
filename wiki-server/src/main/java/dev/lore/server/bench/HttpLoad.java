package dev.lore.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The benchmarks' HTTP client: one shared {@link HttpClient}; any status but the expected one fails the run. */
final class HttpLoad {
    private final HttpClient client = HttpClient.newHttpClient();

    /** GETs {@code url}, reads the whole body and returns it; fails unless 200. */
    String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).build());
    }

    /** As {@link #get(String)}, signed in with a bearer token. */
    String get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build());
    }

    /** PUTs a JSON body with a bearer token; fails unless 200. */
    String putJson(String url, String json, String token) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    private String send(HttpRequest request) {
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": "
                        + response.body()
                                .substring(0, Math.min(300, response.body().length())));
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
