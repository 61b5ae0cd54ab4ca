package dev.lore.ui.view;

import java.util.List;

/** A featured collection: a champion's pick of articles, in order. */
public record CollectionView(String title, String skill, List<LinkView> articles) {}
