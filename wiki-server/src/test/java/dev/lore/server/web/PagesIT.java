package dev.lore.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The server-rendered pages, driven as a browser without JavaScript would. */
@ExtendWith(TestLore.class)
class PagesIT {
    private Http http;
    private String carlaToken;

    @BeforeEach
    void setUp(Http http) {
        this.http = http;
        this.carlaToken = http.login("carla.contrib", TestLore.PASSWORD);
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Getting started",
                        "markdown",
                        "# Day one\n\nRead [[Laptop setup]].\n\n## Day two\n\nShip something."),
                carlaToken);
        http.post(
                "/api/articles",
                Map.of(
                        "title",
                        "Laptop setup",
                        "markdown",
                        "Install the JDK.",
                        "tags",
                        java.util.List.of("onboarding")),
                carlaToken);
    }

    private String browserSession(String user) {
        return http.browserSession(user, TestLore.PASSWORD);
    }

    private static String csrfOf(String cookies) {
        return Http.csrfOf(cookies);
    }

    @Test
    void homeListsQuestionsWaitingForAnAnswerUntilSomeoneAnswers() {
        var asked = http.post("/api/questions", Map.of("title", "Where is the VPN config?"), carlaToken);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().get("id").asText();

        String before = http.get("/").body();
        assertThat(before).contains("Waiting for an answer").contains("href=\"/questions/" + id + "\"");

        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        assertThat(http.post("/api/questions/" + id + "/answers", Map.of("markdown", "In the IT portal."), rudi)
                        .status())
                .isEqualTo(201);
        assertThat(http.get("/").body()).doesNotContain("Waiting for an answer");
    }

    @Test
    void homeListsRecentArticles() {
        var home = http.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(home.body())
                .contains("<title>Home · Lore</title>")
                .contains("href=\"/wiki/getting-started\"")
                .contains("Laptop setup");
        assertThat(home.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void articlePageShowsBodyContentsContributorsAndBacklinks() {
        var page = http.get("/wiki/laptop-setup");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Install the JDK.")
                .contains("Carla Contributor")
                .contains("href=\"/wiki/getting-started\"");
        var start = http.get("/wiki/getting-started").body();
        assertThat(start)
                .contains("href=\"#day-one\"")
                .contains("href=\"#day-two\"")
                .contains("href=\"/wiki/laptop-setup\"");
        assertThat(start).doesNotContain("/edit\""); // anonymous readers see no edit button
    }

    @Test
    void contributorEditsThroughTheFormAndAConflictKeepsBothVersions() {
        String cookies = browserSession("carla.contrib");
        var form = http.getWithCookies("/wiki/laptop-setup/edit", cookies);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"baseRevision\" value=\"1\"").contains("Install the JDK.");

        var saved = http.form(
                "/wiki/laptop-setup",
                Map.of(
                        "_csrf",
                        csrfOf(cookies),
                        "title",
                        "Laptop setup",
                        "markdown",
                        "Install JDK 21.",
                        "baseRevision",
                        "1",
                        "message",
                        "newer JDK"),
                cookies);
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains("/wiki/laptop-setup");

        var stale = http.form(
                "/wiki/laptop-setup",
                Map.of(
                        "_csrf",
                        csrfOf(cookies),
                        "title",
                        "Laptop setup",
                        "markdown",
                        "My own careful edit.",
                        "baseRevision",
                        "1"),
                cookies);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body())
                .contains("saved revision 2 while you were editing")
                .contains("My own careful edit.")
                .contains("Install JDK 21.")
                .contains("name=\"baseRevision\" value=\"2\"");
        assertThat(http.get("/api/articles/laptop-setup").json().get("markdown").asText())
                .isEqualTo("Install JDK 21.");
    }

    @Test
    void invalidFormInputIsShownAgainWithTheTextKept() {
        String cookies = browserSession("carla.contrib");
        var r = http.form(
                "/wiki", Map.of("_csrf", csrfOf(cookies), "title", "", "markdown", "Precious draft text"), cookies);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("title must be 1-200 characters").contains("Precious draft text");
    }

    @Test
    void readersCannotEditAndAnonymousPeopleAreSentToSignIn() {
        String reader = browserSession("rudi.reader");
        var edit = http.getWithCookies("/wiki/laptop-setup/edit", reader);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.body()).contains("Not allowed").doesNotContain("Exception");
        assertThat(http.getWithCookies("/wiki/laptop-setup", reader).body()).doesNotContain("/wiki/laptop-setup/edit");

        var anonymous = http.get("/new?title=X");
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("Location")).contains("/login?next=%2Fnew%3Ftitle%3DX");
    }

    @Test
    void missingPagesGetAFriendly404() {
        var r = http.send("GET", "/wiki/nothing-here", null, null, Map.of("Accept", "text/html"));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).contains("Page not found").doesNotContain("at dev.lore");
        assertThat(http.send("GET", "/no/such/route", null, null, Map.of("Accept", "text/html"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void searchHistoryRevisionAndDiffPagesRender() {
        http.put(
                "/api/articles/laptop-setup",
                Map.of("markdown", "Install the JDK.\nThen Maven.", "baseRevision", 1),
                carlaToken);
        assertThat(http.get("/search?q=maven").body())
                .contains("<mark>Maven</mark>")
                .contains("to=%2Fwiki%2Flaptop-setup");
        assertThat(http.get("/search?q=zzzznothing").body()).contains("No page matches");
        assertThat(http.get("/wiki/laptop-setup/history").body())
                .contains("/wiki/laptop-setup/revisions/1")
                .contains("Carla Contributor");
        assertThat(http.get("/wiki/laptop-setup/revisions/1").body()).contains("revision 1 of 2");
        String diff = http.get("/wiki/laptop-setup/diff?from=1&to=2").body();
        assertThat(diff).contains("class=\"added\"").contains("Then Maven.");
        assertThat(http.get("/people/carla.contrib", carlaToken).body())
                .contains("Carla Contributor")
                .contains("Laptop setup");
    }

    @Test
    void previewRendersSanitizedMarkdown() {
        String cookies = browserSession("carla.contrib");
        var r = http.send(
                "POST",
                "/preview",
                "markdown=" + Http.enc("**hi** <script>x()</script> [[Laptop setup]]"),
                null,
                Map.of(
                        "Cookie",
                        cookies,
                        "X-CSRF-Token",
                        csrfOf(cookies),
                        "Content-Type",
                        "application/x-www-form-urlencoded"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body())
                .contains("<strong>hi</strong>")
                .doesNotContain("<script")
                .contains("href=\"/wiki/laptop-setup\"");
    }

    @Test
    void servesItsOwnAssetsWithoutACdn() {
        assertThat(http.get("/static/lore.css").status()).isEqualTo(200);
        assertThat(http.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js").status())
                .isEqualTo(200);
        assertThat(http.get("/").body()).doesNotContain("https://cdn").doesNotContain("unpkg");
    }
}
