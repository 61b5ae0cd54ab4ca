package dev.lore.graph.learning;

import dev.lore.graph.expertise.SkillNames;
import java.util.Map;
import java.util.Optional;

/** The optional skill of a path or collection as query parameters: its display name and key. */
final class SkillParams {
    private SkillParams() {}

    /** Puts {@code skill} (as a person typed it) as {@code skill} and {@code skillKey}, or nulls. */
    static void put(Map<String, Object> params, Optional<String> skill) {
        params.put(
                "skill",
                skill.flatMap(SkillNames::of).map(SkillNames.Skill::name).orElse(null));
        params.put(
                "skillKey", skill.map(SkillNames::key).filter(k -> !k.isEmpty()).orElse(null));
    }
}
