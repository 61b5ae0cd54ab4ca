package dev.lore.server.web;

import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import io.javalin.http.Context;
import java.util.Optional;

/** Who is making the request, as found by {@link Security} before the handler ran. */
public final class CurrentUser {
    static final String ATTRIBUTE = "lore.user";

    private CurrentUser() {}

    public static Optional<Person> of(Context ctx) {
        Person person = ctx.attribute(ATTRIBUTE);
        return Optional.ofNullable(person);
    }

    /** Whether someone with at least {@code role} is signed in. */
    public static boolean atLeast(Context ctx, Role role) {
        return of(ctx).map(p -> AuthService.roleOf(p).atLeast(role)).orElse(false);
    }

    /** The signed-in person with at least {@code role}; 401 or 403 otherwise. */
    public static Person require(Context ctx, Role role) {
        return AuthService.require(of(ctx), role);
    }
}
