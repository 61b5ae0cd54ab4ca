package dev.lore.ui.view.question;

import java.util.List;

/** On a person's page: what they taught others, and the questions routed to them ("asked of me"). */
public record TaughtView(
        int answersAccepted,
        int kudosReceived,
        int peopleHelped,
        List<KudosView> kudos,
        List<QuestionRowView> askedOf) {
    public static TaughtView none() {
        return new TaughtView(0, 0, 0, List.of(), List.of());
    }
}
