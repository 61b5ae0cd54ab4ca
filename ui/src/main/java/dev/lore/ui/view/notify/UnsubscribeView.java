package dev.lore.ui.view.notify;

/** The unsubscribe page of an email link: the signed token, and whether it is done. */
public record UnsubscribeView(String token, boolean done) {}
