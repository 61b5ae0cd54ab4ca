package dev.lore.ui.view.home;

/** An article recommended to newcomers; {@code summaryHtml} is escaped text from its opening. */
public record FeaturedItem(String slug, String title, String summaryHtml) {}
