package dev.lore.server.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a reader sees after the small actions of every day: kudos and flags confirm themselves, a
 * step marked done offers the next one, a path can be followed before any step, the path form takes
 * page titles, and a page names its owner.
 */
@ExtendWith(TestLore.class)
class EverydayFeedbackIT {
    private Http http;
    private String carla;
    private String rudi;
    private String cora;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        carla = lore.person("carla.contrib", "Carla Contrib", "Platform", Role.CONTRIBUTOR);
        lore.person("rudi.reader", "Rudi Reader", "Sales", Role.READER);
        lore.person("olga.owner", "Olga Owner", "Platform", Role.CONTRIBUTOR);
        for (String title : List.of("Laptop setup", "VPN access", "Kafka: consumer groups")) {
            var r = http.post(
                    "/api/articles",
                    Map.of("title", title, "markdown", "About " + title + ".", "owner", "olga.owner"),
                    carla);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        rudi = http.browserSession("rudi.reader", TestLore.PASSWORD);
        cora = http.browserSession("cora.champion", TestLore.PASSWORD);
    }

    private static String location(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        return r.header("Location").orElseThrow();
    }

    @Test
    void kudosLandOnAConfirmationThePageShows() {
        var sent = http.form(
                "/kudos",
                Map.of("_csrf", Http.csrfOf(rudi), "kind", "article", "target", "laptop-setup", "note", "Saved my day"),
                rudi);
        String back = location(sent);
        assertThat(back).isEqualTo("/wiki/laptop-setup?done=kudos#notice");
        String page =
                http.getWithCookies(back.substring(0, back.indexOf('#')), rudi).body();
        assertThat(page).contains("id=\"notice\"").contains("Kudos sent");
        assertThat(page).doesNotContain("<details class=\"kudos\" id=\"kudos\" open");
        assertThat(http.getWithCookies("/wiki/laptop-setup?done=%3Cscript%3E", rudi)
                        .body())
                .doesNotContain("id=\"notice\"");
    }

    @Test
    void aFlagIsConfirmedOnThePageItCameFrom() {
        var flagged = http.form(
                "/moderation/flag",
                Map.of(
                        "_csrf", Http.csrfOf(rudi),
                        "targetKind", "article",
                        "target", "vpn-access",
                        "reason", "outdated",
                        "back", "/wiki/vpn-access#comments"),
                rudi);
        assertThat(location(flagged)).isEqualTo("/wiki/vpn-access?done=flag#notice");
        assertThat(http.getWithCookies("/wiki/vpn-access?done=flag", rudi).body())
                .contains("your flag is with the champions");
    }

    @Test
    void followingAPathNeedsNoTickAndAStepDoneOffersTheNext() {
        var built = http.form(
                "/paths",
                Map.of(
                        "_csrf", Http.csrfOf(cora),
                        "title", "First week",
                        "level", "newcomer",
                        "steps", "laptop setup | What surprised you?\nVPN access\narticle: kafka-consumer-groups"),
                cora);
        String pathUrl = location(built);
        String id = pathUrl.substring("/paths/".length());
        var path = http.getWithCookies(pathUrl, rudi).body();
        assertThat(path).contains("Follow this path").doesNotContain("Stop following");
        assertThat(path).contains("<ol class=\"plain path-steps\">");

        location(http.form(pathUrl + "/follow", Map.of("_csrf", Http.csrfOf(rudi)), rudi));
        assertThat(http.getWithCookies(pathUrl, rudi).body()).contains("Stop following");
        var article = http.getWithCookies("/wiki/laptop-setup", rudi).body();
        assertThat(article).contains("Step 1 of 3 in").contains("Mark this step done");

        String confirmation = location(http.form(
                pathUrl + "/steps/1/done", Map.of("_csrf", Http.csrfOf(rudi), "back", "/wiki/laptop-setup"), rudi));
        var done = http.getWithCookies(confirmation, rudi);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body())
                .contains("Step 1 done")
                .contains("1 of 3 steps")
                .contains("Next: step 2")
                .contains("href=\"/wiki/vpn-access\"")
                .contains("href=\"/wiki/laptop-setup\"");

        location(http.form(pathUrl + "/steps/3/done", Map.of("_csrf", Http.csrfOf(rudi)), rudi));
        location(http.form(pathUrl + "/steps/2/done", Map.of("_csrf", Http.csrfOf(rudi)), rudi));
        assertThat(http.getWithCookies(pathUrl + "/steps/2/done", rudi).body()).contains("You finished this path");

        location(http.form(pathUrl + "/follow", Map.of("_csrf", Http.csrfOf(rudi), "following", "false"), rudi));
        assertThat(http.getWithCookies(pathUrl, rudi).body()).contains("Follow this path");
        assertThat(http.get("/api/paths/" + id).status()).isEqualTo(200);
    }

    @Test
    void thePathFormTakesTitlesAndReadsThemBack() {
        String pathUrl = location(http.form(
                "/paths",
                Map.of(
                        "_csrf", Http.csrfOf(cora),
                        "title", "Titles",
                        "level", "newcomer",
                        "steps", "Kafka: consumer groups | Which group are you in?\n/wiki/laptop-setup\nvpn"),
                cora));
        var steps = http.get("/api/paths/" + pathUrl.substring("/paths/".length()))
                .json()
                .get("steps");
        assertThat(steps.findValuesAsText("ref"))
                .containsExactly("kafka-consumer-groups", "laptop-setup", "vpn-access");
        var edit = http.getWithCookies(pathUrl + "/edit", cora).body();
        assertThat(edit).contains("Kafka: consumer groups | Which group are you in?\nLaptop setup\nVPN access");

        var several = http.form(
                "/paths",
                Map.of("_csrf", Http.csrfOf(cora), "title", "Ambiguous", "level", "newcomer", "steps", "a"),
                cora);
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.body()).contains("several pages match");
        var none = http.form(
                "/paths",
                Map.of("_csrf", Http.csrfOf(cora), "title", "None", "level", "newcomer", "steps", "Nothing like it"),
                cora);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("no live article");
    }

    @Test
    void thePageNamesItsOwner() {
        assertThat(http.getWithCookies("/wiki/vpn-access", rudi).body())
                .contains("Owner: <a href=\"/people/olga.owner\">Olga Owner</a>");
    }

    @Test
    void theHomePageShowsCollectionsForTheReadersSkillsAndTeamFirst(TestLore.Running lore) {
        String champion = lore.person("cy.champion", "Cy Champion", "Enablement", Role.CHAMPION);
        String sam = lore.person("sam.sales", "Sam Sales", "Sales", Role.CONTRIBUTOR);
        var owned = http.post(
                "/api/articles",
                Map.of("title", "Pricing rules", "markdown", "How we price.", "owner", "sam.sales"),
                sam);
        assertThat(owned.status()).as(owned.body()).isEqualTo(201);
        for (var c : List.of(
                Map.of(
                        "title",
                        "Kafka for everyone",
                        "skill",
                        "Kafka",
                        "articles",
                        List.of("kafka-consumer-groups"),
                        "onHome",
                        true),
                Map.of("title", "Laptops", "articles", List.of("laptop-setup"), "onHome", true),
                Map.of("title", "Selling", "articles", List.of("pricing-rules"), "onHome", true),
                Map.of(
                        "title",
                        "Networking",
                        "skill",
                        "Networking",
                        "articles",
                        List.of("vpn-access"),
                        "onHome",
                        false))) {
            var r = http.post("/api/collections", c, champion);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        String rudiToken = http.login("rudi.reader", TestLore.PASSWORD);
        var declared = http.put(
                "/api/people/rudi.reader/skills",
                Map.of("skills", List.of(Map.of("name", "Networking", "level", "learning"))),
                rudiToken);
        assertThat(declared.status()).as(declared.body()).isBetween(200, 204);

        String mine = http.getWithCookies("/", rudi).body();
        int networking = mine.indexOf("aria-label=\"Networking\"");
        int selling = mine.indexOf("aria-label=\"Selling\"");
        int kafka = mine.indexOf("aria-label=\"Kafka for everyone\"");
        assertThat(networking).as("the reader's skill first").isPositive().isLessThan(selling);
        assertThat(selling).as("then the reader's team").isLessThan(kafka);
        String anonymous = http.get("/").body();
        assertThat(anonymous).contains("aria-label=\"Kafka for everyone\"").doesNotContain("aria-label=\"Networking\"");
    }
}
