package dev.lore.ui.view.common;

/** The signed-in person as the page chrome shows them, with their unread notifications. */
public record UserView(String id, String name, String role, boolean canEdit, boolean isAdmin, int unread) {
    public UserView(String id, String name, String role, boolean canEdit, boolean isAdmin) {
        this(id, name, role, canEdit, isAdmin, 0);
    }
}
