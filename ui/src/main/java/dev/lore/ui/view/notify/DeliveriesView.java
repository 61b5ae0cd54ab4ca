package dev.lore.ui.view.notify;

import java.util.List;

/** The delivery log of one webhook, newest first. */
public record DeliveriesView(WebhookRow hook, List<DeliveryRow> deliveries) {}
