package dev.lore.ui.view.learning;

import java.util.List;

/** Every featured collection; {@code canEdit} adds the champions' new, edit and delete controls. */
public record CollectionListView(List<CollectionView> collections, boolean canEdit) {}
