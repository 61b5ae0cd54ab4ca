package dev.lore.ui.view;

import java.util.List;

/** A ranked expert with the sentence that explains why and links to the articles behind it. */
public record ExpertView(
        String personId, String name, String team, String title, String explanation, List<LinkView> articles) {}
