package dev.lore.graph.expertise;

/** How close a learner is to a candidate expert: same team, articles written together, co-authors in common. */
public record Closeness(String candidateId, boolean sameTeam, int sharedArticles, int sharedCoauthors) {}
