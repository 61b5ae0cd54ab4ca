package dev.lore.server.notify;

import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.Webhook;
import dev.lore.graph.notify.WebhookCall;
import dev.lore.graph.notify.WebhookStore;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/** Registering webhooks, with their URL and events checked. Thread-safe. */
public final class WebhookService {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_URL = 2_000;

    private final WebhookStore store;
    private final boolean allowPrivate;
    private final Clock clock;

    public WebhookService(WebhookStore store, boolean allowPrivate, Clock clock) {
        this.store = store;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
    }

    /**
     * Registers a hook with a new secret; {@code events} empty means every kind, stored as such
     * (not as today's list), so kinds added later reach it too.
     */
    public Webhook register(String url, List<String> events, String byPersonId) {
        if (url == null || url.length() > MAX_URL) {
            throw new InvalidInputException("url is required, at most " + MAX_URL + " characters");
        }
        Addresses.check(url, allowPrivate);
        var kinds = new LinkedHashSet<String>();
        if (events != null) {
            for (String e : events) {
                kinds.add(EventKind.parse(e)
                        .orElseThrow(() -> new InvalidInputException("unknown event kind '" + e + "'"))
                        .id());
            }
        }
        if (kinds.size() == EventKind.values().length) {
            kinds.clear(); // every kind there is: kept as "every kind", so new kinds follow
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return store.create(
                url.strip(), HexFormat.of().formatHex(secret), List.copyOf(kinds), byPersonId, clock.instant());
    }

    /** The kinds a hook receives now: every kind Lore has when it asked for all. */
    public static List<String> kinds(Webhook h) {
        return h.everyKind()
                ? java.util.Arrays.stream(EventKind.values()).map(EventKind::id).toList()
                : h.events();
    }

    public List<Webhook> list() {
        return store.list();
    }

    public void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFoundException("no webhook '" + id + "'");
        }
    }

    /** @throws NotFoundException when there is no such hook */
    public Webhook find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("no webhook '" + id + "'"));
    }

    public List<WebhookCall> deliveries(String id, int limit) {
        store.find(id).orElseThrow(() -> new NotFoundException("no webhook '" + id + "'"));
        return store.deliveries(id, limit);
    }
}
