package dev.lore.graph.question;

import java.util.List;

/**
 * What a person taught others: answers the askers accepted, kudos received, and how many different
 * people they helped (accepted or found helpful their answers, or thanked them).
 */
public record Recognition(int answersAccepted, int kudosReceived, int peopleHelped, List<Kudos> recentKudos) {
    public Recognition {
        recentKudos = List.copyOf(recentKudos);
    }
}
