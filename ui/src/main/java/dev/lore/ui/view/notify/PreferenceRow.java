package dev.lore.ui.view.notify;

/** One event kind on the preferences page: its id, a description and the channel chosen. */
public record PreferenceRow(String kind, String label, String channel) {}
