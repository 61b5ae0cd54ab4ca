package dev.lore.ui.view.article;

import java.util.List;

/** An article's revisions, newest first. */
public record HistoryView(String slug, String title, int currentRevision, List<RevisionRow> revisions) {}
