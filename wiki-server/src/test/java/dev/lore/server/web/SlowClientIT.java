package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.lore.server.Operations;
import dev.lore.server.auth.Tokens;
import dev.lore.server.ops.Metrics;
import dev.lore.server.support.Http;
import dev.lore.server.support.LogCapture;
import dev.lore.server.support.RawHttp;
import dev.lore.server.support.TestLore;
import dev.lore.ui.Ui;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Clients that send a body slowly, stall, or hang up mid-body: they get a 4xx (or a closed
 * connection), are logged in one line, and hold no more of the server than the limits allow.
 */
@ExtendWith(TestLore.class)
class SlowClientIT {
    private static final Duration SAFETY_NET = Duration.ofSeconds(120);

    @Test
    void aBodyAbandonedMidwayIsAClientErrorLoggedInOneLineWhileOthersAreServed(TestLore.Running lore) throws Exception {
        String token = lore.http().login("carla.contrib", TestLore.PASSWORD);
        try (var logs = LogCapture.open();
                var stalled = RawHttp.begin(
                        lore.http().base(),
                        "POST",
                        "/api/articles",
                        "application/json",
                        1_000,
                        "Authorization: Bearer " + token,
                        "X-Request-Id: abandoned-body-1")) {
            stalled.send("{\"title\": \"Half a");

            // while that body waits, the server answers others
            assertThat(lore.http().get("/api/health").status()).isEqualTo(200);

            stalled.hangUp();
            assertThat(stalled.status()).hasValueSatisfying(s -> assertThat(s).isEqualTo(400));
            ILoggingEvent line = logs.await(
                    e -> "abandoned-body-1".equals(e.getMDCPropertyMap().get("requestId"))
                            && e.getFormattedMessage().contains("400"),
                    SAFETY_NET);

            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getThrowableProxy()).isNull();
            assertThat(line.getFormattedMessage()).doesNotContain("\n");
            assertThat(logs.forRequest("abandoned-body-1"))
                    .allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull())
                    .noneSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.ERROR));
        }
        assertThat(lore.http().get("/api/articles").json().get("articles").size())
                .isZero();
    }

    @Test
    void aBodyThatStopsArrivingEndsAtTheIdleTimeoutWith408(TestLore.Running lore) throws Exception {
        var ops = Operations.defaults().withIdleTimeout(Duration.ofMillis(200));
        try (var logs = LogCapture.open();
                var server = echoServer(lore, ops, new CountDownLatch(1));
                var stalled =
                        RawHttp.begin(server.base(), "POST", "/echo", "text/plain", 100, "X-Request-Id: stalled-1")) {
            stalled.send("only ten b");

            Optional<Integer> status = stalled.status(); // blocks until the server gives up on the body
            assertThat(status).hasValueSatisfying(s -> assertThat(s).isEqualTo(408));
            ILoggingEvent line = logs.await(
                    e -> "stalled-1".equals(e.getMDCPropertyMap().get("requestId")) && e.getLevel() == Level.WARN,
                    SAFETY_NET);
            assertThat(line.getThrowableProxy()).isNull();
            assertThat(line.getFormattedMessage()).contains("408").doesNotContain("\n");
        }
    }

    @Test
    void aBodyStillArrivingAfterItsDeadlineIsCutOffWith408(TestLore.Running lore) throws Exception {
        // a deadline every byte misses, and an idle timeout that never comes into play
        var ops = Operations.defaults().withBodyTimeout(Duration.ofNanos(1)).withIdleTimeout(Duration.ofMinutes(10));
        try (var server = echoServer(lore, ops, new CountDownLatch(1));
                var trickle = RawHttp.begin(server.base(), "POST", "/echo", "text/plain", 100)) {
            trickle.send("a");

            assertThat(trickle.status()).hasValueSatisfying(s -> assertThat(s).isEqualTo(408));
        }
    }

    @Test
    void whenEveryUploadSlotIsTakenTheNextUploadIsTurnedAwayAtOnceAndSlotsComeBack(TestLore.Running lore)
            throws Exception {
        var ops = Operations.defaults().withMaxUploads(1);
        var handling = new CountDownLatch(1);
        try (var server = echoServer(lore, ops, handling)) {
            try (var slow = RawHttp.begin(server.base(), "POST", "/echo", "text/plain", 100)) {
                slow.send("the first part");
                assertThat(handling.await(SAFETY_NET.toSeconds(), TimeUnit.SECONDS))
                        .isTrue(); // holds the slot

                try (var next = RawHttp.begin(server.base(), "POST", "/echo", "text/plain", 5)) {
                    next.send("hello");
                    assertThat(next.status())
                            .hasValueSatisfying(s -> assertThat(s).isEqualTo(503));
                    assertThat(next.answer()).contains("Retry-After: 5").contains("\"error\":\"busy\"");
                }
                assertThat(server.http().get("/echo").status())
                        .as("requests without a body need no slot")
                        .isEqualTo(200);

                slow.hangUp();
                assertThat(slow.status()).hasValueSatisfying(s -> assertThat(s).isEqualTo(400));
            }
            // the slot came back when the first body ended
            var after = server.http().raw("POST", "/echo", "hello", "text/plain", null);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body()).isEqualTo("5 bytes");
        }
    }

    @Test
    void aRequestSlowerThanTheThresholdIsLoggedInOneLineWithItsRouteAndId(TestLore.Running lore) throws Exception {
        var ops = Operations.defaults().withSlowRequest(Duration.ofNanos(1)); // every request is slow
        try (var logs = LogCapture.open();
                var server = echoServer(lore, ops, new CountDownLatch(1))) {
            var answer = server.http().send("GET", "/echo", null, null, java.util.Map.of("X-Request-Id", "slow-1"));
            assertThat(answer.status()).isEqualTo(200);

            ILoggingEvent line = logs.await(
                    e -> "slow-1".equals(e.getMDCPropertyMap().get("requestId"))
                            && e.getFormattedMessage().startsWith("Slow request"),
                    SAFETY_NET);
            assertThat(line.getFormattedMessage())
                    .contains("GET /echo")
                    .contains("route /echo")
                    .contains("status 200");
        }
    }

    /** A real WebServer with Lore's security and error mapping, and one route that reads its body. */
    private static TestServer echoServer(TestLore.Running lore, Operations ops, CountDownLatch handling) {
        var pages = new Pages(new Ui(), false);
        var metrics = new Metrics();
        var web = WebServer.start(
                "127.0.0.1",
                0,
                ops,
                dev.lore.server.attachment.FileSettings.DEFAULT_MAX_FILE_BYTES,
                metrics,
                new Security(lore.lore().auth(), new Tokens(), false, TrustedProxies.none()),
                new ErrorMapping(pages),
                List.of(routes -> {
                    routes.get("/echo", ctx -> ctx.result("nothing sent"));
                    routes.post("/echo", ctx -> {
                        handling.countDown();
                        ctx.result(ctx.bodyAsBytes().length + " bytes");
                    });
                }));
        return new TestServer(web, metrics);
    }

    private record TestServer(WebServer web, Metrics metrics) implements AutoCloseable {
        URI base() {
            return URI.create("http://localhost:" + web.port());
        }

        Http http() {
            return Http.at(base());
        }

        @Override
        public void close() {
            web.close();
            metrics.close();
        }
    }
}
