package dev.lore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Who works here, their email and role are for colleagues who signed in, unless made public. */
@ExtendWith(TestLore.class)
class PeopleVisibilityIT {
    @Test
    void anonymousReadersGetNoPeopleDataByDefault(Http http) {
        for (String path : java.util.List.of(
                "/api/people",
                "/api/people/carla.contrib",
                "/api/people/carla.contrib/expertise",
                "/api/people/carla.contrib/recognition")) {
            var r = http.get(path);
            assertThat(r.status()).as(path).isEqualTo(401);
            assertThat(r.body()).as(path).doesNotContain("carla@example.test").doesNotContain("contributor\"");
        }
        for (String page : java.util.List.of("/people", "/people/carla.contrib")) {
            var r = http.getWithCookies(page, "x=y");
            assertThat(r.status()).as(page).isEqualTo(303);
            assertThat(r.header("Location").orElseThrow()).startsWith("/login?next=");
        }
    }

    @Test
    void signedInColleaguesSeePeople(Http http) {
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        var people = http.get("/api/people", rudi);
        assertThat(people.status()).isEqualTo(200);
        assertThat(people.body()).contains("carla@example.test");
        assertThat(http.get("/api/people/carla.contrib", rudi)
                        .json()
                        .get("role")
                        .asText())
                .isEqualTo("contributor");
        String cookies = http.browserSession("rudi.reader", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/people", cookies).body()).contains("Carla Contributor");
    }

    @Test
    void withPublicPeopleAnonymousReadersSeeThemToo(TestLore.Running lore) {
        Http open = lore.another("public-people", c -> c.withPublicPeople(true)).http();
        assertThat(open.get("/api/people").status()).isEqualTo(200);
        assertThat(open.get("/api/people/carla.contrib").json().get("team").asText())
                .isEqualTo("Platform");
        assertThat(open.getWithCookies("/people", "x=y").status()).isEqualTo(200);
    }

    @Test
    void anUnknownUserAndAPersonWithoutAPasswordCostTheSameHashCheckAsAWrongPassword(TestLore.Running lore, Http http) {
        lore.lore()
                .people()
                .create(
                        "nopass.person",
                        "No Password",
                        "nopass@example.test",
                        "Data",
                        "Analyst",
                        Role.READER,
                        java.util.Optional.empty());
        long wrong = checksFor(lore, http, "carla.contrib");
        long unknown = checksFor(lore, http, "nobody.here");
        long noPassword = checksFor(lore, http, "nopass.person");
        assertThat(wrong).isEqualTo(1);
        assertThat(unknown).isEqualTo(wrong);
        assertThat(noPassword).isEqualTo(wrong);
    }

    private static long checksFor(TestLore.Running lore, Http http, String username) {
        long before = lore.passwords().checks();
        var r = http.post("/api/login", Map.of("username", username, "password", "not-the-password"), null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).isEqualTo("unknown username or wrong password");
        return lore.passwords().checks() - before;
    }
}
