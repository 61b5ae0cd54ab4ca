package dev.lore.ui.view.notify;

/** The Watch / Unwatch button of a page: what it watches, whether the reader does, where to come back. */
public record WatchButton(String kind, String target, boolean watching, String back) {}
