package dev.lore.ui.view;

import java.util.Optional;

/**
 * What every page needs besides its own model: the window title, who is signed in, the CSRF token
 * for forms, and the text of the search box.
 */
public record PageContext(String title, Optional<UserView> user, String csrfToken, String searchQuery) {}
