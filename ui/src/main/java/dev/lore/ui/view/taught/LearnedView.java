package dev.lore.ui.view.taught;

/** On a person's page: someone learned {@code note} from their page or answer {@code title}. */
public record LearnedView(
        String personId, String personName, String kind, String title, String url, String note, String ago) {}
