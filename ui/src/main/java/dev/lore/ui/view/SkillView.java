package dev.lore.ui.view;

/** A declared skill and its level (learning, practising, expert). */
public record SkillView(String name, String level) {}
