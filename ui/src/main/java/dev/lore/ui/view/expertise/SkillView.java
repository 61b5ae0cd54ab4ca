package dev.lore.ui.view.expertise;

/** A declared skill and its level (learning, practising, expert). */
public record SkillView(String name, String level) {}
