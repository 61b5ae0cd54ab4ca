package dev.lore.ui.view.common;

/** The signed-in person as the page chrome shows them. */
public record UserView(String id, String name, String role, boolean canEdit, boolean isAdmin) {}
