package dev.lore.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.Webhook;
import dev.lore.graph.notify.WebhookCall;
import dev.lore.graph.notify.WebhookStore;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts due webhook deliveries: a JSON body (with a Slack-compatible {@code text}), signed with
 * HMAC-SHA256 over the body with the hook's secret in {@code X-Lore-Signature: sha256=<hex>}.
 * A non-2xx answer or no answer is retried after 30 s, 1, 2, 4 ... minutes, and given up after
 * {@value #MAX_ATTEMPTS} attempts; a hook with {@link WebhookStore#MAX_FAILURES} deliveries given
 * up in a row is switched off and its owner told. Not thread-safe: one {@link NotifyOutbox} thread
 * runs it.
 */
public final class WebhookDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDelivery.class);
    static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookStore store;
    private final NotificationStore notifications;
    private final NotifyConfig config;
    private final String server;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDelivery(
            WebhookStore store, NotificationStore notifications, NotifyConfig config, String server, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.config = config;
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.sendTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.server = server;
        this.clock = clock;
    }

    /** Sends what is due now; returns how many were delivered. */
    public int send() {
        int delivered = 0;
        for (var due : store.claimDue(server, clock.instant(), LEASE, 100)) {
            if (post(due.getKey(), due.getValue())) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean post(Webhook hook, WebhookCall call) {
        Optional<Integer> status = Optional.empty();
        String error;
        try {
            Addresses.check(hook.url(), config.webhookPrivateAddresses()); // again: DNS may have changed
            byte[] body = body(call);
            var request = HttpRequest.newBuilder(java.net.URI.create(hook.url()))
                    .timeout(config.sendTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Lore-Webhook")
                    .header("X-Lore-Event", call.kind())
                    .header("X-Lore-Delivery", call.id())
                    .header("X-Lore-Signature", signature(hook.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                store.delivered(call.id(), response.statusCode(), clock.instant());
                return true;
            }
            status = Optional.of(response.statusCode());
            error = "HTTP " + response.statusCode();
        } catch (IOException | InvalidInputException | IllegalArgumentException e) {
            error = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e.toString();
        }
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(call.attempts(), 10));
        LOG.warn(
                "Webhook {} delivery {} failed (attempt {} of {}): {}",
                hook.id(),
                call.id(),
                call.attempts() + 1,
                MAX_ATTEMPTS,
                error);
        Instant now = clock.instant();
        if (store.failed(call.id(), status, error, now, now.plus(wait), MAX_ATTEMPTS)) {
            LOG.warn(
                    "Webhook {} switched off after {} failed deliveries in a row",
                    hook.id(),
                    WebhookStore.MAX_FAILURES);
            notifications.record(Event.of(
                    EventKind.WEBHOOK_DISABLED,
                    "lore",
                    hook.url(),
                    "/api/webhooks/" + hook.id() + "/deliveries",
                    "Switched off after failing repeatedly: " + error,
                    List.of(),
                    List.of(hook.createdBy()),
                    now));
        }
        return false;
    }

    private byte[] body(WebhookCall call) {
        String link = config.baseUrl() + call.url();
        var json = new LinkedHashMap<String, Object>();
        json.put("id", call.id());
        json.put("event", call.kind());
        json.put("at", call.at().toString());
        json.put("title", call.title());
        json.put("url", link);
        json.put("message", call.message());
        json.put("actor", Map.of("id", call.actorId(), "name", call.actorName()));
        json.put(
                "text",
                call.actorName() + " " + NotifyPages.what(call.kind()) + " <" + link + "|" + call.title() + ">");
        try {
            return Json.mapper().writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook payload could not be written", e);
        }
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of {@code body} with {@code secret}. */
    public static String signature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(Unsubscribes.hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }
}
