package dev.lore.ui.view.learning;

import dev.lore.ui.view.common.LinkView;
import java.util.List;

/**
 * A featured collection: a champion's pick of articles, in order, with an optional plain-text
 * description; {@code onHome} says whether the home page shows it.
 */
public record CollectionView(
        String id, String title, String description, String skill, boolean onHome, List<LinkView> articles) {}
