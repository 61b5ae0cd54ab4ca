package dev.lore.server;

import dev.lore.graph.article.Contributor;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Tokens;
import dev.lore.server.ops.WarmUp;
import dev.lore.server.person.PersonService;
import java.util.Comparator;
import java.util.Optional;

/**
 * What the start-up warm-up opens ({@link WarmUp.Plan}), read from the store as it is then: the
 * newest article, the admin, and the person who last edited that article (a real person with a
 * profile worth showing), and the lookup of a session. Reads only.
 */
final class WarmPlan {
    private WarmPlan() {}

    static WarmUp.Plan of(ArticleService articles, PersonService people, AuthService auth, Tokens tokens) {
        var newest = articles.list(0, 1);
        Optional<Person> someone = newest.stream()
                .findFirst()
                .flatMap(a -> articles.page(a.slug()).contributors().stream()
                        .filter(c -> !c.id().equals(Lore.ADMIN_ID))
                        .max(Comparator.comparing(Contributor::lastAt)))
                .flatMap(c -> people.find(c.id()));
        return new WarmUp.Plan(
                WarmUp.pages(newest),
                people.find(Lore.ADMIN_ID)
                        .map(admin -> WarmUp.signedIn(newest, admin, someone))
                        .orElseGet(java.util.List::of),
                // a session nobody holds: plans the lookup of a request's session, finds nothing
                () -> auth.authenticate(tokens.newToken()));
    }
}
