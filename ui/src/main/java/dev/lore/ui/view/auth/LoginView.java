package dev.lore.ui.view.auth;

import dev.lore.ui.view.identity.CompanySignInView;
import java.util.Optional;

/**
 * The sign-in form; {@code next} is where to go afterwards; {@code company} the company sign-in
 * button, when there is one.
 */
public record LoginView(Optional<String> error, String username, String next, Optional<CompanySignInView> company) {
    public LoginView(Optional<String> error, String username, String next) {
        this(error, username, next, Optional.empty());
    }
}
