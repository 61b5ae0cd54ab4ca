package dev.lore.ui.view.notify;

/** One inbox line: what happened ({@code what}, e.g. "edited"), by whom, when, and whether it was read. */
public record NotificationItem(
        String id, String what, String title, String actorName, String ago, boolean read, int count, String message) {}
