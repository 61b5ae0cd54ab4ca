package dev.lore.graph.expertise;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Lore knows of a learner in one read: who they are, the skills they want to learn, the
 * skills of live articles they read (with how many), their recent searches (newest first) and the
 * skills they already have (declared above learning, or two or more articles of which they wrote
 * 60% or more).
 */
public record Learner(
        PersonInfo person,
        List<SkillNames.Skill> wants,
        Map<SkillNames.Skill, Integer> reads,
        List<String> searches,
        Set<String> has) {}
