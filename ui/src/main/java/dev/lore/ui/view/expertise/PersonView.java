package dev.lore.ui.view.expertise;

import dev.lore.ui.view.question.TaughtView;
import java.util.List;

/**
 * A person's page: who they are, their skills with evidence, what they wrote, and (on their own
 * page) whom to learn from and what they want to learn.
 *
 * @param self the viewer is this person (they may edit wishes and availability)
 * @param canEndorse the viewer is signed in and is someone else
 * @param taught answers accepted, kudos and people helped, and the questions asked of them
 * @param contact how to reach them
 * @param declared the skills they declared, with their levels (edited on their own page)
 * @param canAsk the viewer is signed in, is someone else, and may ask this person a question
 */
public record PersonView(
        String id,
        String name,
        String team,
        String title,
        String role,
        boolean available,
        List<ExpertiseView> expertise,
        List<ContributionView> contributions,
        List<String> wantsToLearn,
        List<SuggestionView> learnFrom,
        boolean self,
        boolean canEndorse,
        TaughtView taught,
        ContactView contact,
        List<DeclaredView> declared,
        boolean canAsk) {
    /** A declared skill and its level (beginner, intermediate, expert). */
    public record DeclaredView(String name, String level) {}
}
