package dev.lore.ui.view.lesson;

/** A lesson in a list: its page, how it is shared, and when. */
public record LessonRow(String slug, String title, String sharing, String author, String when, long savedTime) {}
