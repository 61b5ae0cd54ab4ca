package dev.lore.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Multipart uploads and byte-exact downloads, for attachment tests. */
public final class Files {
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Http.PATIENCE)
            .build();

    public Files(URI base) {
        this.base = base;
    }

    /** A response with its body as bytes. */
    public record Download(int status, Map<String, List<String>> headers, byte[] body) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Posts {@code fields} and one file part named {@code file} as multipart/form-data. */
    public Http.Response upload(
            String path, Map<String, String> fields, String filename, byte[] content, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
        return uploadWithHeaders(path, fields, filename, content, headers);
    }

    /** As a browser's plain form posts a file: with {@code headers} (a Cookie) instead of a token. */
    public Http.Response uploadWithHeaders(
            String path, Map<String, String> fields, String filename, byte[] content, Map<String, String> headers) {
        String boundary = "lore-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(
                body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n"));
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        body.writeBytes(content);
        write(body, "\r\n--" + boundary + "--\r\n");
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Http.PATIENCE)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        var r = send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Http.Response(r.statusCode(), r.headers().map(), r.body());
    }

    /** GETs {@code path} with extra headers (Range, If-None-Match ...), body as bytes. */
    public Download get(String path, String token, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Http.PATIENCE)
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        var r = send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().map(), r.body());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
