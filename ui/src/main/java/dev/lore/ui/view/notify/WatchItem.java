package dev.lore.ui.view.notify;

/** One thing a person watches, with its page. */
public record WatchItem(String kind, String target, String title, String url, String since, boolean auto) {}
