package dev.lore.ui.view.expertise;

import java.util.List;

/** The "find an expert" page: the topic asked and who knows about it. */
public record ExpertsView(String topic, List<String> skills, List<ExpertView> experts) {}
