package dev.lore.graph.notify;

/** A notification waiting to be emailed, with where to. */
public record PendingEmail(Notification notification, String personId, String email, String name, int attempts) {}
