package dev.lore.ui.view;

import java.util.List;

/** A person's page. */
public record PersonView(
        String id,
        String name,
        String team,
        String title,
        String role,
        List<SkillView> skills,
        List<ArticleItem> contributions) {}
