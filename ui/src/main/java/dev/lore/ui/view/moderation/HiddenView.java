package dev.lore.ui.view.moderation;

/** Why a champion sees a page readers cannot: who hid it, why, and when (relative). */
public record HiddenView(String kind, String target, String byName, String reason, String when) {}
