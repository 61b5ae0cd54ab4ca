package dev.lore.graph.expertise;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the graph knows of one person and one skill: declared level, endorsements, writing. */
public record SkillEvidence(
        String personId,
        String skillKey,
        String skillName,
        Optional<String> level,
        Optional<Instant> declaredAt,
        List<String> endorsers,
        Optional<Instant> lastEndorsedAt,
        double writtenShare,
        int articles,
        Optional<Instant> lastWrittenAt) {}
