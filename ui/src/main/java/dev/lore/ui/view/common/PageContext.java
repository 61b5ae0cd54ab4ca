package dev.lore.ui.view.common;

import dev.lore.ui.view.attachment.PageFiles;
import dev.lore.ui.view.notify.WatchButton;
import java.util.Optional;

/**
 * What every page needs besides its own model: the window title, who is signed in, the CSRF token
 * for forms, the text of the search box, whether Lore runs as a demo (a banner says so), and the
 * page's Watch button when it shows something one can watch, the files attached to the page it
 * shows, and the confirmation of a form just sent ("Kudos sent"), if any.
 */
public record PageContext(
        String title,
        Optional<UserView> user,
        String csrfToken,
        String searchQuery,
        boolean demo,
        Optional<WatchButton> watch,
        Optional<PageFiles> files,
        Optional<String> notice) {
    public PageContext(
            String title,
            Optional<UserView> user,
            String csrfToken,
            String searchQuery,
            boolean demo,
            Optional<WatchButton> watch,
            Optional<PageFiles> files) {
        this(title, user, csrfToken, searchQuery, demo, watch, files, Optional.empty());
    }

    public PageContext(String title, Optional<UserView> user, String csrfToken, String searchQuery, boolean demo) {
        this(title, user, csrfToken, searchQuery, demo, Optional.empty());
    }

    public PageContext(
            String title,
            Optional<UserView> user,
            String csrfToken,
            String searchQuery,
            boolean demo,
            Optional<WatchButton> watch) {
        this(title, user, csrfToken, searchQuery, demo, watch, Optional.empty());
    }
}
