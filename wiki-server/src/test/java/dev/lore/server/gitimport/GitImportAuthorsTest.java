package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.gitimport.AuthorIdentities.Seen;
import dev.lore.server.gitimport.Mailmap.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitImportAuthorsTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    private static Identity id(String name, String email) {
        return new Identity(name, email);
    }

    private static Seen seen(String name, String email, int commits, int day) {
        return new Seen(id(name, email), commits, T.plusSeconds(86_400L * day));
    }

    @Test
    void mailmapReadsTheFourFormsCommentsAndCase() {
        var mailmap = Mailmap.parse("""
                # comment
                Proper Name <commit@example.com>
                <proper@example.com> <Other@Example.com>
                Jane Doe <jane@example.com> <jdoe@old.example.com>   # trailing comment
                Joe Dev <joe@example.com> joe <joe@shared.example.com>

                not an entry
                """);

        assertThat(mailmap.map(id("whoever", "COMMIT@example.com"))).isEqualTo(id("Proper Name", "COMMIT@example.com"));
        assertThat(mailmap.map(id("Other", "other@example.com"))).isEqualTo(id("Other", "proper@example.com"));
        assertThat(mailmap.map(id("jd", "jdoe@old.example.com"))).isEqualTo(id("Jane Doe", "jane@example.com"));
        assertThat(mailmap.map(id("JOE", "joe@shared.example.com"))).isEqualTo(id("Joe Dev", "joe@example.com"));
        // The fourth form only applies to the commit name it gives.
        assertThat(mailmap.map(id("someone else", "joe@shared.example.com")))
                .isEqualTo(id("someone else", "joe@shared.example.com"));
        assertThat(mailmap.map(id("Nobody", "nobody@example.com"))).isEqualTo(id("Nobody", "nobody@example.com"));
        assertThat(Mailmap.parse("# only a comment\n").isEmpty()).isTrue();
    }

    @Test
    void identitiesSharingAnEmailOrANameAreOnePerson() {
        var result = AuthorIdentities.resolve(
                List.of(
                        seen("Ana Silva", "ana.silva@example.com", 5, 1),
                        seen("ana", "ANA.SILVA@example.com", 1, 2), // same email, other name
                        seen("Ána  Silva", "ana@laptop.local", 2, 3), // same name once normalised
                        seen("Ben Okoro", "ben@example.com", 1, 1),
                        seen("Ben Okoro", "ben@example.com", 1, 1)),
                Mailmap.EMPTY,
                Map.of(),
                Map.of(),
                id -> false);

        assertThat(result.newPeople())
                .extracting(AuthorIdentities.NewPerson::id)
                .containsExactly("ana.silva", "ben");
        assertThat(result.newPeople().getFirst().name()).isEqualTo("Ana Silva");
        assertThat(Set.copyOf(result.personByIdentity().values())).containsExactlyInAnyOrder("ana.silva", "ben");
        assertThat(result.personByIdentity()).containsEntry(id("Ána  Silva", "ana@laptop.local"), "ana.silva");
        assertThat(result.newKeys())
                .containsEntry("email:ana@laptop.local", "ana.silva")
                .containsEntry("name:ana silva", "ana.silva")
                .containsEntry("name:ana", "ana.silva");
    }

    @Test
    void storedKeysAndExistingEmailsWinAndNewIdsAreUnique() {
        var result = AuthorIdentities.resolve(
                List.of(
                        seen("Ana S", "ana@new.example.com", 1, 1),
                        seen("Carla", "Carla@Example.test", 1, 1),
                        seen("Dee", "dee@example.com", 1, 1),
                        seen("Dee Two", "dee@other.example.com", 1, 1)),
                Mailmap.parse("Ana Silva <ana@example.com> <ana@new.example.com>"),
                Map.of("email:ana@example.com", "ana.silva"),
                Map.of("carla@example.test", "carla.contrib"),
                id -> id.equals("dee"));

        assertThat(result.personByIdentity())
                .containsEntry(id("Ana S", "ana@new.example.com"), "ana.silva")
                .containsEntry(id("Carla", "Carla@Example.test"), "carla.contrib")
                .containsEntry(id("Dee", "dee@example.com"), "dee-2")
                .containsEntry(id("Dee Two", "dee@other.example.com"), "dee-3");
        assertThat(result.newPeople())
                .extracting(AuthorIdentities.NewPerson::id)
                .containsExactly("dee-2", "dee-3");
        assertThat(result.newKeys())
                .doesNotContainKey("email:ana@example.com")
                .containsEntry("name:ana silva", "ana.silva");
    }

    @Test
    void idsAreSlugSafe() {
        assertThat(AuthorIdentities.baseId("Zoë.O'Brien+wiki@example.com", "")).isEqualTo("zoe.o-brien-wiki");
        assertThat(AuthorIdentities.baseId("12345+octocat@users.noreply.github.com", ""))
                .isEqualTo("octocat");
        assertThat(AuthorIdentities.baseId("x@example.com", "Xavier Ng")).isEqualTo("xavier.ng");
        assertThat(AuthorIdentities.baseId("", "")).isEqualTo("author");
        assertThat(AuthorIdentities.baseId("-._weird__name-@example.com", "")).isEqualTo("weird_name");
        assertThat(AuthorIdentities.baseId("a".repeat(100) + "@example.com", ""))
                .hasSize(AuthorIdentities.MAX_ID - 4)
                .matches("[a-z0-9][a-z0-9._-]{1,63}");
    }
}
