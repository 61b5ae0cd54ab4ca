package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.Lore;
import dev.lore.server.LoreAccess;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stopping a server (a rolling restart, a deploy) lets a write already running finish and answer:
 * before, the stop closed its connection, so the page was saved while its author saw a failure and
 * sent it again (two pages).
 */
@ExtendWith(TestLore.class)
class GracefulStopIT {
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void aWriteInFlightWhenTheServerStopsIsAnsweredAndKept(TestLore.Running a) throws Exception {
        String token = a.person("ana", "Ana Silva", "Data", Role.CONTRIBUTOR);
        var config = LoreAccess.sharedGraph(a.lore(), a.lore().config())
                .orElseThrow()
                .withDataDir(Files.createTempDirectory("lore-test-graceful-"));
        Lore second = LoreAccess.open(config, a.passwords(), a.clock());
        second.serve();
        int port = LoreAccess.port(second);
        var secondHttp = Http.at(URI.create("http://localhost:" + port));
        byte[] body = "{\"title\":\"Drained deploys\",\"markdown\":\"Finish what is running.\"}"
                .getBytes(StandardCharsets.UTF_8);

        try (var socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost:" + port + "\r\n"
                            + "Authorization: Bearer " + token + "\r\n"
                            + "Content-Type: application/json\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 10);
            out.flush();
            awaitMetric(secondHttp, "lore_http_uploads_active 1.0"); // the server is reading this request

            var stopping = CompletableFuture.runAsync(second::close);
            awaitRefused(port); // the stop has begun: no new connections

            out.write(body, 10, body.length - 10);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 201").contains("\"slug\":\"drained-deploys\"");
            stopping.get();
        }
        var kept = a.http().get("/api/articles/drained-deploys");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(a.http().get("/api/articles/drained-deploys-2").status()).isEqualTo(404);
    }

    /** Asks {@code /metrics} until it shows {@code line}: watching the server, with a deadline as a net. */
    private static void awaitMetric(Http http, String line) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!http.get("/metrics").body().contains(line)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("never saw " + line);
            }
            Thread.sleep(20); // a pause between polls, not a wait for something to happen
        }
    }

    /** Connects until the port refuses: the stopping server has closed its listener. */
    private static void awaitRefused(int port) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try (var probe = new Socket("localhost", port)) {
                // still accepting
            } catch (ConnectException e) {
                return;
            } catch (IOException e) {
                // reset while closing: try again
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("the port never stopped accepting");
            }
            Thread.sleep(20);
        }
    }
}
