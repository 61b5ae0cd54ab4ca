package dev.lore.graph.expertise;

/**
 * How {@link SkillHolders#strongest} orders the holders of a skill: the weight of each declared
 * level, of endorsements (times log2 of one plus their number), of writing (line share plus {@code
 * perArticle} for each article, at most {@code writingCap}), all halved every {@code halfLifeDays}.
 * The server's ranking uses the same numbers, so the strongest by this order are the ones it would
 * rank first.
 */
public record Strength(
        double expert,
        double practising,
        double learning,
        double endorsement,
        double perArticle,
        double writingCap,
        int halfLifeDays) {}
