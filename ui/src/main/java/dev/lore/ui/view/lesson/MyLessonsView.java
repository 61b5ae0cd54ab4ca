package dev.lore.ui.view.lesson;

import java.util.List;

/** The lessons a person shared, for their own eyes: those shared for their team included. */
public record MyLessonsView(List<LessonRow> lessons) {}
