package dev.lore.ui.view.learning;

/** A page the path form offers as a step: its address (slug) and title. */
public record StepCandidateView(String slug, String title) {}
