package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class DraftsIT {
    private Http http;
    private String carla;

    @BeforeEach
    void setUp(Http http) {
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        var r = http.post("/api/articles", Map.of("title", "Laptop setup", "markdown", "Install the JDK."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Map<String, Object> draft(String markdown, int base) {
        return Map.of("title", "Laptop setup", "markdown", markdown, "tags", "onboarding", "baseRevision", base);
    }

    @Test
    void keepsReturnsAndDiscardsAPersonsDraft() {
        var saved = http.put("/api/drafts/pages/laptop-setup", draft("Install the JDK.\n\nAnd kubectl.", 1), carla);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        var read = http.get("/api/drafts/pages/laptop-setup", carla);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("markdown").asText()).isEqualTo("Install the JDK.\n\nAnd kubectl.");
        assertThat(read.json().get("tags").asText()).isEqualTo("onboarding");
        assertThat(read.json().get("baseRevision").asInt()).isEqualTo(1);

        assertThat(http.delete("/api/drafts/pages/laptop-setup", carla).status())
                .isEqualTo(204);
        assertThat(http.get("/api/drafts/pages/laptop-setup", carla).status()).isEqualTo(404);
        assertThat(http.delete("/api/drafts/pages/laptop-setup", carla).status())
                .isEqualTo(204);
    }

    @Test
    void draftsArePrivateToTheirWriter() {
        http.put("/api/drafts/pages/laptop-setup", draft("Carla's draft", 1), carla);
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        assertThat(http.get("/api/drafts/pages/laptop-setup", rudi).status()).isEqualTo(404);
        http.put("/api/drafts/pages/laptop-setup", draft("Rudi's draft", 1), rudi);
        assertThat(http.get("/api/drafts/pages/laptop-setup", carla)
                        .json()
                        .get("markdown")
                        .asText())
                .isEqualTo("Carla's draft");
        assertThat(http.get("/api/drafts/pages/laptop-setup", null).status()).isEqualTo(401);
    }

    @Test
    void aDraftOfANewPageIsKeptApartFromPageDrafts() {
        http.put("/api/drafts/new", Map.of("title", "Team rituals", "markdown", "Standups."), carla);
        assertThat(http.get("/api/drafts/new", carla).json().get("title").asText())
                .isEqualTo("Team rituals");
        assertThat(http.get("/api/drafts/pages/laptop-setup", carla).status()).isEqualTo(404);
    }

    @Test
    void aDraftFollowsItsPageThroughARename() {
        http.put("/api/drafts/pages/laptop-setup", draft("draft", 1), carla);
        var renamed = http.put(
                "/api/articles/laptop-setup",
                Map.of("title", "Laptop setup guide", "markdown", "Install the JDK.", "baseRevision", 1),
                carla);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(http.get("/api/drafts/pages/laptop-setup-guide", carla)
                        .json()
                        .get("markdown")
                        .asText())
                .isEqualTo("draft");
    }

    @Test
    void refusesDraftsOfMissingPagesOversizedTextAndBadBodies() {
        assertThat(http.put("/api/drafts/pages/nowhere", draft("x", 1), carla).status())
                .isEqualTo(404);
        var big = http.put("/api/drafts/pages/laptop-setup", draft("x".repeat((1 << 20) + 1), 1), carla);
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("detail").asText()).contains("1 MiB");
        var noText = http.put("/api/drafts/pages/laptop-setup", Map.of("title", "t"), carla);
        assertThat(noText.status()).isEqualTo(400);
        assertThat(http.raw("PUT", "/api/drafts/pages/laptop-setup", "{nope", "application/json", carla)
                        .status())
                .isEqualTo(400);
        assertThat(http.put("/api/drafts/pages/laptop-setup", draft("x", -1), carla)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theEditorRestoresADraftAndSavingThePageForgetsIt() {
        http.put("/api/drafts/pages/laptop-setup", draft("Install the JDK.\n\nAnd kubectl.", 1), carla);
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);

        String editor = http.getWithCookies("/wiki/laptop-setup/edit", cookies).body();
        assertThat(editor)
                .contains("Restored your unsaved changes")
                .contains("And kubectl.")
                .contains("data-draft-url=\"/api/drafts/pages/laptop-setup\"");

        var saved = http.form(
                "/wiki/laptop-setup",
                Map.of(
                        "_csrf", Http.csrfOf(cookies),
                        "title", "Laptop setup",
                        "markdown", "Install the JDK.\n\nAnd kubectl.",
                        "baseRevision", "1"),
                cookies);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        assertThat(http.get("/api/drafts/pages/laptop-setup", carla).status()).isEqualTo(404);
        assertThat(http.getWithCookies("/wiki/laptop-setup/edit", cookies).body())
                .doesNotContain("Restored your unsaved changes");
    }

    @Test
    void discardingADraftShowsThePageAsItIs() {
        http.put("/api/drafts/pages/laptop-setup", draft("Something else entirely", 1), carla);
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        var discarded = http.form("/wiki/laptop-setup/draft/discard", Map.of("_csrf", Http.csrfOf(cookies)), cookies);
        assertThat(discarded.status()).isEqualTo(303);
        assertThat(discarded.header("Location").orElse("")).contains("/wiki/laptop-setup/edit");
        assertThat(http.getWithCookies("/wiki/laptop-setup/edit", cookies).body())
                .doesNotContain("Something else entirely")
                .contains("Install the JDK.");
    }

    @Test
    void aDraftStartedOnAnOlderRevisionKeepsItsBaseSoSavingMeetsTheConflictMerge() {
        http.put("/api/drafts/pages/laptop-setup", draft("Mine", 1), carla);
        String admin = http.login("admin", TestLore.PASSWORD);
        http.put("/api/articles/laptop-setup", Map.of("markdown", "Theirs", "baseRevision", 1), admin);
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/wiki/laptop-setup/edit", cookies).body())
                .contains("name=\"baseRevision\" value=\"1\"")
                .contains("Mine");
    }
}
