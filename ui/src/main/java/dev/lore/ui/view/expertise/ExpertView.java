package dev.lore.ui.view.expertise;

import dev.lore.ui.view.common.LinkView;
import java.util.List;

/** A ranked expert with the sentence that explains why and links to the articles behind it. */
public record ExpertView(
        String personId, String name, String team, String title, String explanation, List<LinkView> articles) {}
