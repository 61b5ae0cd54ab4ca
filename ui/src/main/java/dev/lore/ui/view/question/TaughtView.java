package dev.lore.ui.view.question;

import java.util.List;

/**
 * On a person's page: what they taught others, and the questions routed to them ("asked of me").
 * {@code learned} is what people said they learned from their pages and answers.
 */
public record TaughtView(
        int answersAccepted,
        int kudosReceived,
        int peopleHelped,
        List<KudosView> kudos,
        List<QuestionRowView> askedOf,
        dev.lore.ui.view.taught.LearnedFromView learned) {
    public TaughtView(
            int answersAccepted,
            int kudosReceived,
            int peopleHelped,
            List<KudosView> kudos,
            List<QuestionRowView> askedOf) {
        this(
                answersAccepted,
                kudosReceived,
                peopleHelped,
                kudos,
                askedOf,
                dev.lore.ui.view.taught.LearnedFromView.none());
    }

    public static TaughtView none() {
        return new TaughtView(0, 0, 0, List.of(), List.of());
    }

    public TaughtView withLearned(dev.lore.ui.view.taught.LearnedFromView learned) {
        return new TaughtView(answersAccepted, kudosReceived, peopleHelped, kudos, askedOf, learned);
    }
}
