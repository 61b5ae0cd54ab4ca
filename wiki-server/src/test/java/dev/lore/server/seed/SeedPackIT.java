package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.Lore;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bundled seed pack gives a new Lore something true to show. {@code lore.seed()} is the pack as
 * loaded for real once per test JVM (see {@code SeededStore}); a second load here is always real.
 */
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

    @Test
    void demoPeopleCanSignInAndTheContentIsSearchable(TestLore.Running lore) {
        lore.seed();
        String someone = lore.lore().people().list().stream()
                .filter(p -> !p.id().equals(Lore.ADMIN_ID) && !p.id().contains("contrib") && !p.id().contains("reader"))
                .findFirst()
                .orElseThrow()
                .id();

        assertThat(lore.http().login(someone, SeedPack.DEMO_PASSWORD)).isNotBlank();
        var hits = lore.http()
                .get("/api/search?q=" + Map.of("q", "kafka consumer").get("q").replace(" ", "+"))
                .json();
        assertThat(hits.get("total").asInt()).isGreaterThan(0);
        assertThat(hits.get("hits").get(0).get("snippet").asText()).contains("<mark>");
    }

    @Test
    void loadingTwiceChangesNothing(TestLore.Running lore) {
        var first = lore.seed();
        var second = SeedPack.load(lore.lore().importer(), Lore.ADMIN_ID, Progress.NONE);
        assertThat(second.created()).isZero();
        assertThat(second.updated()).isZero();
        assertThat(second.unchanged()).isEqualTo(first.created());
    }
}
