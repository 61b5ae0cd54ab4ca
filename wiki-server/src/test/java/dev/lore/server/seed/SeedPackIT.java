package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.Lore;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bundled seed pack gives a new Lore something true to show. */
@ExtendWith(TestLore.class)
class SeedPackIT {
    private static long count(TestLore.Running lore, String cypher) {
        return lore.lore().graph().read(tx -> tx.run(cypher).single().get(0).asLong());
    }

    @Test
    void loadsEnoughRealContentWithMultiAuthorHistories(TestLore.Running lore) {
        var result = lore.seed();

        assertThat(result.created()).isGreaterThanOrEqualTo(40);
        assertThat(result.people()).isGreaterThanOrEqualTo(12);
        assertThat(count(lore, "MATCH (s:Skill)<-[:ABOUT]-(:Article) RETURN count(DISTINCT s)"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count(lore, "MATCH (p:Person)-[:CONTRIBUTED]->(:Article) RETURN count(DISTINCT p)"))
                .isGreaterThanOrEqualTo(12);
        assertThat(count(lore, """
                MATCH (a:Article) WHERE COUNT { (a)<-[:CONTRIBUTED]-(:Person) } >= 2 RETURN count(a)
                """)).isGreaterThanOrEqualTo(15);
        assertThat(count(lore, "MATCH (:Article)-[:LINKS_TO]->(:Article) RETURN count(*)"))
                .isGreaterThanOrEqualTo(40);
        assertThat(lore.http().get("/api/health").json().get("articles").asInt())
                .isEqualTo(result.created());
    }

    private static String seedPerson(TestLore.Running lore) {
        return lore.lore().people().list().stream()
                .filter(p -> !p.id().equals(Lore.ADMIN_ID) && !p.id().contains("contrib") && !p.id().contains("reader"))
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void seedPeopleCannotSignInWithTheDemoPasswordOutsideDemoMode(TestLore.Running lore) {
        lore.seed();
        var champion = lore.lore().people().find("ana.silva").orElseThrow();
        assertThat(champion.role()).isEqualTo("champion");

        for (String who : java.util.List.of(champion.id(), seedPerson(lore), champion.email())) {
            var api = lore.http().post("/api/login", Map.of("username", who, "password", SeedPack.DEMO_PASSWORD), null);
            assertThat(api.status()).as(who).isEqualTo(401);
        }
        String csrf = lore.http().get("/login").cookie("lore_csrf");
        var form = lore.http()
                .form(
                        "/login",
                        Map.of("username", "ana.silva", "password", SeedPack.DEMO_PASSWORD, "_csrf", csrf),
                        "lore_csrf=" + csrf);
        assertThat(form.status()).isEqualTo(401);
        assertThat(lore.http().get("/").body()).doesNotContain("demo-banner");
    }

    @Test
    void inDemoModeSeedPeopleSignInAndEveryPageSaysDemo(TestLore.Running lore) {
        var demo = lore.another("demo", c -> c.withDemo(true));
        lore.seed();

        String token = demo.http().login("ana.silva", SeedPack.DEMO_PASSWORD);
        assertThat(demo.http().get("/api/me", token).json().get("role").asText())
                .isEqualTo("champion");
        assertThat(demo.http().login(seedPerson(lore), SeedPack.DEMO_PASSWORD)).isNotBlank();
        for (String page : java.util.List.of("/", "/login", "/search?q=kafka", "/no-such-page")) {
            assertThat(demo.http().get(page).body())
                    .as(page)
                    .contains("demo-banner")
                    .contains("demo mode");
        }
        // the same graph served without demo mode: the password is refused
        assertThat(lore.http()
                        .post("/api/login", Map.of("username", "ana.silva", "password", SeedPack.DEMO_PASSWORD), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void theContentIsSearchable(TestLore.Running lore) {
        lore.seed();
        var hits = lore.http().get("/api/search?q=kafka+consumer").json();
        assertThat(hits.get("total").asInt()).isGreaterThan(0);
        assertThat(hits.get("hits").get(0).get("snippet").asText()).contains("<mark>");
    }

    @Test
    void loadingTwiceChangesNothing(TestLore.Running lore) {
        var first = SeedPack.load(lore.lore().importer(), Lore.ADMIN_ID, Progress.NONE);
        var second = SeedPack.load(lore.lore().importer(), Lore.ADMIN_ID, Progress.NONE);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }
}
