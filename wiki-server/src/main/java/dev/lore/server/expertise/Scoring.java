package dev.lore.server.expertise;

import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.graph.expertise.Strength;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The weights of expertise evidence and the arithmetic shared by ranking, advice and profiles. */
final class Scoring {
    /** Evidence loses half its weight over this time. */
    static final Duration HALF_LIFE = Duration.ofDays(730);

    /** Weight of skill evidence next to writing: one matching expert declaration ~ a top article. */
    static final double SKILL_WEIGHT = 1.0;

    /**
     * The weights of skill evidence: declared levels, endorsements, writing about a skill, and
     * their half-life. The store orders a skill's holders by the same numbers.
     */
    static final Strength STRENGTH = new Strength(1.0, 0.5, 0.1, 0.3, 0.05, 1.5, (int) HALF_LIFE.toDays());

    private Scoring() {}

    static double levelWeight(String level) {
        return switch (level) {
            case "expert" -> STRENGTH.expert();
            case "practising" -> STRENGTH.practising();
            default -> STRENGTH.learning();
        };
    }

    /** Expertise in one skill from the graph alone: declared level, endorsements, writing. */
    static double skillExpertise(SkillEvidence e, Instant now) {
        double declared = e.level()
                .map(l -> levelWeight(l) * decay(e.declaredAt().orElse(now), now))
                .orElse(0.0);
        double endorsed = e.endorsers().isEmpty()
                ? 0
                : STRENGTH.endorsement()
                        * log2(1 + e.endorsers().size())
                        * decay(e.lastEndorsedAt().orElse(now), now);
        double written = e.articles() == 0
                ? 0
                : Math.min(STRENGTH.writingCap(), e.writtenShare() + STRENGTH.perArticle() * e.articles())
                        * decay(e.lastWrittenAt().orElse(now), now);
        return declared + endorsed + written;
    }

    /** One person's evidence on one skill as a profile or a suggestion shows it, undecayed. */
    static List<Evidence> describe(SkillEvidence e) {
        var out = new ArrayList<Evidence>();
        if (e.articles() > 0) {
            out.add(new Evidence.Writing(
                    e.skillName(),
                    e.writtenShare(),
                    e.articles(),
                    round(Math.min(STRENGTH.writingCap(), e.writtenShare() + STRENGTH.perArticle() * e.articles())),
                    e.lastWrittenAt()));
        }
        e.level()
                .ifPresent(level ->
                        out.add(new Evidence.Skill(e.skillName(), e.level(), levelWeight(level), e.declaredAt())));
        if (!e.endorsers().isEmpty()) {
            out.add(new Evidence.Endorsement(
                    e.skillName(),
                    e.endorsers().size(),
                    round(STRENGTH.endorsement() * log2(1 + e.endorsers().size())),
                    e.lastEndorsedAt()));
        }
        return out;
    }

    static double decay(Instant at, Instant now) {
        return decay(at, now, HALF_LIFE);
    }

    static double decay(Instant at, Instant now, Duration halfLife) {
        double age = Math.max(0, Duration.between(at, now).toDays());
        return Math.pow(0.5, age / halfLife.toDays());
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
