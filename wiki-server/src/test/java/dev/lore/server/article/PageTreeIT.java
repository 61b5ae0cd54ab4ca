package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class PageTreeIT {
    private Http http;
    private String carla;

    @BeforeEach
    void signIn(Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private String create(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private Http.Response move(String slug, String parent) {
        var body = new HashMap<String, Object>();
        body.put("parent", parent);
        return http.put("/api/articles/" + slug + "/parent", body, carla);
    }

    private static Iterable<String> slugs(JsonNode links) {
        var out = new java.util.ArrayList<String>();
        links.forEach(l -> out.add(l.get("slug").asText()));
        return out;
    }

    @Test
    void placesAPageUnderAParentWithBreadcrumbsAndChildren() {
        create("Engineering", "Home of engineering.");
        create("Onboarding", "Start here.");
        create("Laptop setup", "Install things.");
        assertThat(move("onboarding", "engineering").status()).isEqualTo(200);
        var r = move("laptop-setup", "onboarding");
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        JsonNode place = http.get("/api/articles/laptop-setup/place").json();
        assertThat(slugs(place.get("breadcrumbs"))).containsExactly("engineering", "onboarding");
        assertThat(place.get("parent").get("slug").asText()).isEqualTo("onboarding");
        assertThat(slugs(http.get("/api/articles/engineering/place").json().get("children")))
                .containsExactly("onboarding");
        JsonNode tree = http.get("/api/tree").json().get("pages");
        assertThat(tree).anySatisfy(n -> {
            assertThat(n.get("slug").asText()).isEqualTo("laptop-setup");
            assertThat(n.get("parent").asText()).isEqualTo("onboarding");
        });
    }

    @Test
    void movesAPageWithItsChildrenKeepingLinksAndRedirects() {
        create("Engineering", "Home.");
        create("Handbook", "Company handbook.");
        create("Onboarding", "Start here.");
        create("Laptop setup", "Install things.");
        create("First week", "Read [[Laptop setup]] and [[Onboarding]].");
        move("laptop-setup", "onboarding");
        move("onboarding", "engineering");
        // a rename leaves the old slug as a redirect
        var renamed = http.put(
                "/api/articles/onboarding",
                Map.of("title", "Onboarding guide", "markdown", "Start here.", "baseRevision", 1),
                carla);
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);

        var moved = move("onboarding", "handbook"); // named by its old slug, through the redirect
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        JsonNode place = http.get("/api/articles/laptop-setup/place").json();
        assertThat(slugs(place.get("breadcrumbs"))).containsExactly("handbook", "onboarding-guide");
        assertThat(http.get("/api/articles/engineering/place").json().get("children"))
                .isEmpty();
        assertThat(http.get("/api/articles/laptop-setup").status()).isEqualTo(200);
        assertThat(http.get("/api/articles/onboarding").json().get("slug").asText())
                .isEqualTo("onboarding-guide");
        String html = http.get("/api/articles/first-week").json().get("html").asText();
        assertThat(html).contains("href=\"/wiki/laptop-setup\"").contains("href=\"/wiki/onboarding-guide\"");
    }

    @Test
    void refusesToMoveAPageUnderItselfOrItsDescendants() {
        create("A", "a");
        create("B", "b");
        create("C", "c");
        move("b", "a");
        move("c", "b");

        var underGrandchild = move("a", "c");
        assertThat(underGrandchild.status()).as(underGrandchild.body()).isEqualTo(400);
        assertThat(underGrandchild.json().get("error").asText()).isNotBlank();
        assertThat(underGrandchild.json().get("detail").asText()).contains("'a'");
        assertThat(move("a", "a").status()).isEqualTo(400);
        assertThat(move("a", "nowhere").status()).isEqualTo(404);
        assertThat(move("nowhere", "a").status()).isEqualTo(404);
        assertThat(slugs(http.get("/api/articles/c/place").json().get("breadcrumbs")))
                .containsExactly("a", "b");
    }

    @Test
    void movesBackToTheTopLevel() {
        create("A", "a");
        create("B", "b");
        move("b", "a");
        assertThat(move("b", null).status()).isEqualTo(200);
        assertThat(http.get("/api/articles/b/place").json().get("parent").isNull())
                .isTrue();
        assertThat(http.get("/api/articles/a/place").json().get("children")).isEmpty();
    }

    @Test
    void readersCannotMovePages() {
        create("A", "a");
        create("B", "b");
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        assertThat(http.put("/api/articles/b/parent", Map.of("parent", "a"), rudi)
                        .status())
                .isEqualTo(403);
        assertThat(http.put("/api/articles/b/parent", Map.of("parent", "a"), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void deletingAPageMovesItsChildrenUpToItsParent() {
        create("A", "a");
        create("B", "b");
        create("C", "c");
        move("b", "a");
        move("c", "b");
        assertThat(http.delete("/api/articles/b", carla).status()).isEqualTo(204);
        assertThat(slugs(http.get("/api/articles/c/place").json().get("breadcrumbs")))
                .containsExactly("a");
    }

    @Test
    void articlePageShowsBreadcrumbsChildrenAndTheSectionTree() {
        create("Engineering", "Home.");
        create("Onboarding", "Start here.");
        create("Laptop setup", "Install things.");
        move("onboarding", "engineering");
        move("laptop-setup", "onboarding");

        String page = http.get("/wiki/onboarding").body();
        assertThat(page)
                .contains("aria-label=\"Breadcrumb\"")
                .contains("<a href=\"/wiki/engineering\">Engineering</a>")
                .contains("Pages under this one")
                .contains("<a href=\"/wiki/laptop-setup\">Laptop setup</a>")
                .contains("class=\"page-tree\"")
                .contains("<details open>")
                .doesNotContain("<summary><a");
        assertThat(http.get("/pages").body()).contains("Engineering").contains("Laptop setup");
    }

    @Test
    void formsCreateAPageUnderAParentAndMoveIt() {
        create("Engineering", "Home.");
        create("Handbook", "Company handbook.");
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        String csrf = Http.csrfOf(cookies);
        assertThat(http.getWithCookies("/new?parent=engineering", cookies).body())
                .contains("name=\"parent\" value=\"engineering\"");

        var created = http.form(
                "/wiki",
                Map.of("_csrf", csrf, "title", "Team rituals", "markdown", "Standups.", "parent", "engineering"),
                cookies);
        assertThat(created.status()).as(created.body()).isEqualTo(303);
        assertThat(http.get("/api/articles/team-rituals/place")
                        .json()
                        .get("parent")
                        .get("slug")
                        .asText())
                .isEqualTo("engineering");

        assertThat(http.getWithCookies("/wiki/team-rituals/move", cookies).body())
                .contains("<option value=\"handbook\"");
        var moved = http.form("/wiki/team-rituals/move", Map.of("_csrf", csrf, "parent", "handbook"), cookies);
        assertThat(moved.status()).as(moved.body()).isEqualTo(303);
        assertThat(http.get("/api/articles/team-rituals/place")
                        .json()
                        .get("parent")
                        .get("slug")
                        .asText())
                .isEqualTo("handbook");

        var cycle = http.form("/wiki/handbook/move", Map.of("_csrf", csrf, "parent", "team-rituals"), cookies);
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.body()).contains("role=\"alert\"");
    }

    @Test
    void theJsonCreateTakesAParentAndRefusesAnUnknownOneWithoutCreatingThePage() {
        create("Engineering", "Home of engineering.");

        var placed = http.post(
                "/api/articles",
                Map.of("title", "Code review", "markdown", "Two approvals.", "parent", "engineering"),
                carla);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(http.get("/api/articles/code-review/place")
                        .json()
                        .get("parent")
                        .get("slug")
                        .asText())
                .isEqualTo("engineering");

        var unknown = http.post(
                "/api/articles",
                Map.of("title", "Orphan", "markdown", "Nobody's child.", "parent", "no-such-page"),
                carla);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asText()).contains("no-such-page");
        assertThat(http.get("/api/articles/orphan").status())
                .as("nothing was created")
                .isEqualTo(404);
        assertThat(http.get("/api/search?q=orphan").body()).doesNotContain("\"orphan\"");
    }
}
