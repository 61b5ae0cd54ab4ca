package dev.lore.ui.view.home;

/** An article read by {@code readers} different people this week. */
public record PopularItem(String slug, String title, int readers) {}
