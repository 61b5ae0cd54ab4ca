package dev.lore.graph.expertise;

import java.time.Instant;
import java.util.List;

/**
 * What a skill's page shows: its description (empty until someone writes one), its aliases, live
 * articles (most recently updated first) and the skills seen with it most.
 */
public record SkillOverview(
        SkillNames.Skill skill,
        String description,
        List<String> aliases,
        List<ArticleRef> articles,
        List<Related> related) {
    /** A live article about the skill. */
    public record ArticleRef(String id, String slug, String title, Instant updatedAt) {}

    /** A skill seen with this one: on the same articles or held by the same people, {@code together} times. */
    public record Related(String key, String name, int together) {}
}
