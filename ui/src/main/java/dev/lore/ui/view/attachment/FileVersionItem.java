package dev.lore.ui.view.attachment;

/** An older version of a file: its number, where its bytes are, who uploaded it and when. */
public record FileVersionItem(int n, String url, String size, String byName, String ago) {}
