package dev.lore.ui.view;

import java.util.List;

/** A skill's page: experts, articles, related skills and other names. */
public record SkillPageView(
        String name, List<String> aliases, List<ExpertView> experts, List<LinkView> articles, List<LinkView> related) {}
