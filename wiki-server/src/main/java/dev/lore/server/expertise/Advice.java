package dev.lore.server.expertise;

import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.SkillNames;
import java.util.List;

/** What a learner needs, strongest first, and whom they should learn it from, best first. */
public record Advice(List<Need> needs, List<Suggestion> suggestions) {
    /** Why Lore thinks a person should learn a skill. */
    public record Need(SkillNames.Skill skill, double weight, String reason) {}

    /** One suggestion: whom, for which skill, how strongly, and why in words. */
    public record Suggestion(
            PersonInfo person, SkillNames.Skill skill, double score, List<Evidence> evidence, String why) {}
}
