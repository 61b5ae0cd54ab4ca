package dev.lore.server;

import dev.lore.graph.Graph;
import dev.lore.graph.notify.EmailOutbox;
import dev.lore.graph.notify.Lookups;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.PreferenceStore;
import dev.lore.graph.notify.WatchStore;
import dev.lore.graph.notify.WebhookStore;
import dev.lore.server.auth.Tokens;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.notify.EmailDelivery;
import dev.lore.server.notify.NotificationService;
import dev.lore.server.notify.Notifier;
import dev.lore.server.notify.NotifyConfig;
import dev.lore.server.notify.NotifyOutbox;
import dev.lore.server.notify.SmtpMailer;
import dev.lore.server.notify.Unsubscribes;
import dev.lore.server.notify.WebhookDelivery;
import dev.lore.server.notify.WebhookService;
import dev.lore.server.ops.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The notification feature's objects for {@link Components}: the notifier pages and services tell,
 * the in-app service, unsubscribe links, webhooks and the outbox that delivers email and webhook
 * calls. The outbox is appended to the close list it is given.
 */
final class NotifyWiring {
    final NotificationStore notifications;
    final Notifier notifier;
    final NotificationService notify;
    final Unsubscribes unsubscribes;
    final NotifyConfig notifyConfig;
    final NotifyOutbox outbox;
    final WebhookService webhooks;
    private final EmailOutbox emailOutbox;
    private final WebhookStore webhookStore;

    NotifyWiring(
            Config config,
            Graph graph,
            Lookups lookups,
            MarkdownRenderer markdown,
            Tokens tokens,
            Clock clock,
            List<AutoCloseable> closeInReverse) {
        var watches = new WatchStore(graph);
        notifications = new NotificationStore(graph, watches);
        notifier = new Notifier(graph, notifications, lookups, markdown, clock);
        notify = new NotificationService(notifications, watches, new PreferenceStore(graph), clock);
        String candidate = tokens.newToken(); // kept only if no server chose the secret before
        unsubscribes = new Unsubscribes(() -> lookups.sharedSecret("notify.secret", candidate));
        notifyConfig = config.notifications();
        emailOutbox = new EmailOutbox(graph);
        var deliverySteps = new ArrayList<NotifyOutbox.Step>();
        if (notifyConfig.emailOn()) {
            var email = new EmailDelivery(
                    emailOutbox,
                    new SmtpMailer(notifyConfig),
                    unsubscribes,
                    notifyConfig,
                    tokens.newToken().substring(0, 12),
                    clock);
            deliverySteps.add(email::sendImmediate);
            deliverySteps.add(email::sendDigests);
        }
        webhookStore = new WebhookStore(graph);
        webhooks = new WebhookService(webhookStore, notifyConfig.webhookPrivateAddresses(), clock);
        deliverySteps.add(new WebhookDelivery(
                webhookStore, notifications, notifyConfig, tokens.newToken().substring(0, 12), clock)::send);
        outbox = new NotifyOutbox(deliverySteps);
        closeInReverse.add(outbox);
    }

    /** The outbox gauges and the delivery counter. */
    void measure(Metrics metrics) {
        metrics.gauge(
                "lore.notify.outbox.waiting",
                "Notifications waiting for an email (immediate or digest)",
                emailOutbox::waiting);
        metrics.gauge("lore.notify.webhooks.waiting", "Webhook deliveries waiting to be sent", webhookStore::waiting);
        metrics.counter("lore.notify.delivered", "Emails and webhook calls delivered", outbox::delivered);
    }
}
