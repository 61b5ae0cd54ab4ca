package dev.lore.ui.view.lesson;

import java.util.List;

/** The champions' queue of lessons waiting to be looked at before they are shared. */
public record ReviewView(List<LessonRow> lessons) {}
