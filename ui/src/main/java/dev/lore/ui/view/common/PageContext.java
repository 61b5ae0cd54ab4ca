package dev.lore.ui.view.common;

import java.util.Optional;

/**
 * What every page needs besides its own model: the window title, who is signed in, the CSRF token
 * for forms, the text of the search box, and whether Lore runs as a demo (a banner says so).
 */
public record PageContext(String title, Optional<UserView> user, String csrfToken, String searchQuery, boolean demo) {}
