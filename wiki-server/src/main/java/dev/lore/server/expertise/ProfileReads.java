package dev.lore.server.expertise;

import dev.lore.graph.expertise.Authorship;
import dev.lore.graph.expertise.Endorsement;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.server.web.ViewParts;
import java.util.List;

/**
 * What a profile reads about a person besides who they are and whether they are available now: the
 * evidence of their skills, what they wrote, endorsements received and what they want to learn.
 * Walking a prolific author's contributions is most of a profile view's work, and all of it moves
 * the graph's version when it changes (articles, contributions, skills, endorsements, learning
 * wishes), so it is kept per person with that version ({@link ViewParts}). The clock is applied
 * by {@link Profile}; availability, which depends on it, is read on every view.
 */
final class ProfileReads {
    record Lists(
            List<SkillEvidence> skills,
            List<Authorship> contributions,
            List<Endorsement> endorsements,
            List<SkillNames.Skill> wantsToLearn) {}

    private final ExpertiseStore store;
    private final ViewParts kept;

    ProfileReads(ExpertiseStore store) {
        this.store = store;
        this.kept = ViewParts.at(store::graphVersion, ViewParts.MAX_ENTRIES);
    }

    Lists of(String personId) {
        return kept.get(
                personId,
                () -> new Lists(
                        List.copyOf(store.evidence().evidenceOf(personId)),
                        List.copyOf(store.evidence().contributions(personId, 50)),
                        List.copyOf(store.endorsements().endorsementsOf(personId)),
                        List.copyOf(store.learners().wantsToLearn(personId))));
    }
}
