package dev.lore.server.expertise;

import dev.lore.graph.expertise.Authorship;
import dev.lore.graph.expertise.Endorsement;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.SkillEvidence;
import dev.lore.graph.expertise.SkillNames;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A person's expertise as of {@code at}, read in one transaction: who they are, their skills with
 * evidence, what they wrote (largest share first, at most 50), the endorsements they received
 * (newest first) and the skills they want to learn (by name).
 */
public record Profile(
        PersonInfo person,
        List<SkillEvidence> skills,
        List<Authorship> contributions,
        List<Endorsement> endorsements,
        List<SkillNames.Skill> wantsToLearn,
        Instant at) {
    /** The skills, strongest first by expertise as of {@link #at}. */
    public List<SkillEvidence> strongestFirst() {
        return skills.stream()
                .sorted(Comparator.comparingDouble((SkillEvidence e) -> Scoring.skillExpertise(e, at))
                        .reversed())
                .toList();
    }
}
