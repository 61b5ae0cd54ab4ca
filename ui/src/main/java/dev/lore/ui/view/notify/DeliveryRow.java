package dev.lore.ui.view.notify;

/** One delivery of an event to a webhook: what, when, and how it went. */
public record DeliveryRow(
        String kind,
        String title,
        String url,
        String at,
        String when,
        String state,
        int attempts,
        String lastStatus,
        String lastError,
        String lastAttempt) {}
