package dev.lore.ui.view.learning;

import java.util.List;

/** The list of learning paths; {@code canBuild} shows the "new path" link (champions). */
public record PathListView(List<PathRowView> paths, boolean signedIn, boolean canBuild) {}
