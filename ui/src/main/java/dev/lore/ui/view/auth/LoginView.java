package dev.lore.ui.view.auth;

import java.util.Optional;

/** The sign-in form; {@code next} is where to go afterwards. */
public record LoginView(Optional<String> error, String username, String next) {}
