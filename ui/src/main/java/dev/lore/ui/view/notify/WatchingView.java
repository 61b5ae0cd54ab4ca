package dev.lore.ui.view.notify;

import java.util.List;

/** The "what I watch" page. */
public record WatchingView(List<WatchItem> items) {}
