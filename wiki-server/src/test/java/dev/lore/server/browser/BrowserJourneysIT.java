package dev.lore.server.browser;

import static dev.lore.server.auth.Role.CHAMPION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What people do with Lore, end to end in a real browser against a real server: a new hire finds
 * and follows pages, a contributor edits and merges a conflict, a reader is kept out of the editor,
 * people sign in and out, and keyboard users get around.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class BrowserJourneysIT {
    private static final CharSequence END = Keys.chord(Keys.CONTROL, Keys.END);
    private Browser browser;
    private Http http;
    private String carla;

    @BeforeEach
    void setUp(Browser browser, Http http) {
        this.browser = browser;
        this.http = http;
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        create(
                "Your first week",
                "Welcome!\n\n## Day one\n\nStart with [[Laptop setup]].\n\n"
                        + "## Day two\n\nRead [[Deploying to production]] and ask in #help.",
                List.of("onboarding"),
                List.of());
        create(
                "Laptop setup",
                "Install the JDK, Docker and the VPN client.",
                List.of("onboarding", "tooling"),
                List.of());
        create(
                "Kubernetes deployments",
                "Every service ships to Kubernetes with a Helm chart and Argo CD.",
                List.of("deployment"),
                List.of("Kubernetes"));
        create(
                "Kubernetes resource limits",
                "Set requests and limits for every Kubernetes container.",
                List.of("reliability"),
                List.of("Kubernetes"));
    }

    private void create(String title, String markdown, List<String> tags, List<String> skills) {
        var r = http.post(
                "/api/articles", Map.of("title", title, "markdown", markdown, "tags", tags, "skills", skills), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void newHireSearchesWithATypoFiltersByAFacetAndFollowsWikiLinksAndBacklinks() {
        browser.open("/");
        browser.fill("#hero-q", "kubernetse deploymnts");
        browser.clickAndWait(browser.find(".hero-search button[type=submit]"));

        assertThat(browser.path()).startsWith("/search?q=kubernetse");
        assertThat(browser.text()).containsAnyOf("Did you mean", "showing close matches");
        assertThat(hitTitles()).contains("Kubernetes deployments");

        browser.clickAndWait(facet("deployment"));
        assertThat(browser.path()).contains("tag=deployment");
        assertThat(hitTitles()).containsExactly("Kubernetes deployments");
        assertThat(facet("deployment").getAttribute("aria-current")).isEqualTo("true");

        browser.clickAndWait(browser.link("Kubernetes deployments"));
        assertThat(browser.heading()).isEqualTo("Kubernetes deployments");
        assertThat(browser.find(".sidebar").getText()).contains("Kubernetes").contains("deployment");

        browser.open("/wiki/laptop-setup");
        WebElement backlink = browser.find("[aria-labelledby=backlinks-h]").findElement(By.linkText("Your first week"));
        browser.clickAndWait(backlink);
        assertThat(browser.heading()).isEqualTo("Your first week");

        browser.clickAndWait(browser.find(".markdown").findElement(By.linkText("Laptop setup")));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.text()).contains("Install the JDK, Docker and the VPN client.");
    }

    @Test
    void employeeFindsAnExpertForAFreeTextTopicOpensTheProfileAndEndorsesThem() {
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/");
        browser.clickAndWait(browser.link("Experts"));
        browser.fill("#topic", "helm charts for shipping a service");
        browser.clickAndWait(browser.find(".hero-search button[type=submit]"));
        assertThat(browser.path()).startsWith("/experts?topic=");
        WebElement expert = browser.find("ol.experts li");
        assertThat(expert.getText()).contains("Carla Contributor").contains("Wrote 100% of 'Kubernetes deployments'");

        browser.clickAndWait(expert.findElement(By.linkText("Carla Contributor")));
        assertThat(browser.heading()).isEqualTo("Carla Contributor");
        WebElement row = browser.find("table.evidence tbody tr");
        assertThat(row.getText()).contains("Kubernetes").contains("0 colleagues");
        browser.clickAndWait(row.findElement(By.cssSelector("button")));
        assertThat(browser.find("table.evidence tbody tr").getText())
                .contains("1 colleague")
                .contains("Endorsed ✓");
        assertThat(http.get("/api/people/carla.contrib", carla)
                        .json()
                        .get("endorsements")
                        .get(0)
                        .get("fromId")
                        .asText())
                .isEqualTo("rudi.reader");
    }

    @Test
    void newHireAsksAQuestionAColleagueAnswersAndTheAskerAcceptsIt() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/");
        browser.clickAndWait(browser.find(".top-nav").findElement(By.linkText("Questions")));
        browser.clickAndWait(browser.link("Ask a question"));
        browser.fill("#title", "Which VPN client does the laptop setup need?");
        browser.fill("#markdown", "The *setup page* lists several.");
        browser.fill("#skills", "tooling");
        browser.clickAndWait(browser.find("button[value=similar]"));
        assertThat(browser.find(".similar").getText())
                .contains("Already in Lore")
                .contains("Laptop setup");
        assertThat(browser.find("#title").getAttribute("value"))
                .isEqualTo("Which VPN client does the laptop setup need?");

        browser.clickAndWait(browser.find("button[value=post]"));
        assertThat(browser.path()).startsWith("/questions/");
        String question = browser.path();
        assertThat(browser.heading()).isEqualTo("Which VPN client does the laptop setup need?");
        assertThat(browser.text()).contains("No answers yet.");

        browser.signOut();
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open(question);
        browser.fill("#answer", "Use **WireGuard**; the IT portal has the config.");
        browser.clickAndWait(browser.find("form[action$='/answers'] button[type=submit]"));
        WebElement answer = browser.find("article.answer");
        assertThat(answer.getText()).contains("WireGuard").contains("Rudi Reader");
        assertThat(browser.findAll("button")).noneMatch(b -> b.getText().equals("Accept this answer"));

        browser.signOut();
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open(question);
        browser.clickAndWait(browser.find("article.answer").findElement(By.xpath(".//button[.='Accept this answer']")));
        assertThat(browser.find("article.answer").getText()).contains("Accepted answer");
        assertThat(browser.find("article.answer").getAttribute("class")).contains("accepted");
        String id = question.substring("/questions/".length());
        assertThat(http.get("/api/questions/" + id).json().get("acceptedAnswer").isNull())
                .isFalse();
    }

    @Test
    void searchBoxSuggestsPagesAsYouTypeAndTheKeyboardOpensOne() {
        browser.open("/wiki/your-first-week");
        WebElement box = browser.find("#top-q");
        box.sendKeys("lapt");
        browser.waitFor("#top-q-suggestions .suggestion");
        assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
        assertThat(browser.find("#top-q-suggestions").getText()).contains("Laptop setup");

        box.sendKeys(Keys.ARROW_DOWN);
        assertThat(box.getAttribute("aria-activedescendant")).isEqualTo("top-q-suggestions-0");
        box.sendKeys(Keys.ENTER);
        browser.waitUntil(d -> !browser.path().startsWith("/wiki/your-first-week"));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
    }

    @Test
    void contributorHitsAConflictAndMergesWithoutLosingEitherText() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup");
        browser.clickAndWait(browser.link("Edit"));
        browser.waitUntil(d -> browser.find("#preview").getText().contains("Install the JDK"));

        WebElement editor = browser.find("#markdown");
        editor.sendKeys(END, "\n\nCarla: also install kubectl.");
        browser.waitUntil(d -> browser.find("#preview").getText().contains("Carla: also install kubectl."));
        browser.fill("#message", "kubectl");

        String admin = http.login("admin", TestLore.PASSWORD);
        var theirs = http.put(
                "/api/articles/laptop-setup",
                Map.of(
                        "markdown",
                        "Install the JDK, Docker and the VPN client.\n\nAdmin: connect the VPN first.",
                        "baseRevision",
                        1),
                admin);
        assertThat(theirs.status()).isEqualTo(200);

        browser.clickAndWait(browser.find("form.editor button.primary"));
        assertThat(browser.find("#conflict-h").getText()).contains("saved revision 2 while you were editing");
        assertThat(browser.find("#theirs").getDomProperty("value")).contains("Admin: connect the VPN first.");
        String mine = browser.find("#markdown").getDomProperty("value");
        assertThat(mine).contains("Carla: also install kubectl.").doesNotContain("Admin:");
        assertThat(browser.find("#message").getDomProperty("value")).isEqualTo("kubectl");
        assertThat(browser.find(".conflict .diff").getText())
                .contains("Admin: connect the VPN first.")
                .contains("Carla: also install kubectl.");

        browser.find("#markdown").sendKeys(END, "\n\nAdmin: connect the VPN first.");
        browser.clickAndWait(browser.find("form.editor button.primary"));

        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.find(".markdown").getText())
                .contains("Carla: also install kubectl.")
                .contains("Admin: connect the VPN first.");
        var saved = http.get("/api/articles/laptop-setup").json();
        assertThat(saved.get("revision").asInt()).isEqualTo(3);
        assertThat(saved.get("markdown").asText())
                .contains("Carla: also install kubectl.")
                .contains("Admin: connect the VPN first.");
    }

    @Test
    void contributorComparesRevisionsAndRestoresAnOldOne() {
        http.put("/api/articles/laptop-setup", Map.of("markdown", "Just use the cloud IDE.", "baseRevision", 1), carla);
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup");
        assertThat(browser.find(".article-head").getText()).contains("Updated just now by Carla Contributor");
        browser.clickAndWait(browser.link("History (2 revisions)"));

        browser.clickAndWait(browser.find("form.compare > button[type=submit]"));
        assertThat(browser.path())
                .startsWith("/wiki/laptop-setup/diff?")
                .contains("from=1")
                .contains("to=2");
        assertThat(browser.find("tr.removed").getText()).contains("Install the JDK");
        assertThat(browser.find("tr.added").getText()).contains("Just use the cloud IDE.");

        browser.clickAndWait(browser.link("History"));
        browser.clickAndWait(browser.find("button[form=restore-1]"));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.find(".markdown").getText()).contains("Install the JDK, Docker and the VPN client.");
        assertThat(browser.find(".article-head").getText()).contains("History (3 revisions)");
    }

    @Test
    void aLinkToAMissingPageOffersToCreateIt() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/wiki/your-first-week");
        WebElement missing = browser.find("a.wiki-missing");
        assertThat(missing.getText()).isEqualTo("Deploying to production");

        browser.clickAndWait(missing);
        assertThat(browser.heading()).isEqualTo("New page");
        assertThat(browser.find("#title").getDomProperty("value")).isEqualTo("Deploying to production");
        browser.find("#markdown").sendKeys("Merge to main; Argo CD does the rest.");
        browser.clickAndWait(browser.find("form.editor button.primary"));

        assertThat(browser.path()).isEqualTo("/wiki/deploying-to-production");
        assertThat(browser.find("[aria-labelledby=backlinks-h]").getText()).contains("Your first week");
        browser.open("/wiki/your-first-week");
        assertThat(browser.findAll("a.wiki-missing")).isEmpty();
    }

    @Test
    void contributorPicksAFileInTheEditorAndSeesItOnTheSavedPage() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup/edit");
        browser.find("#markdown").sendKeys(END, "\n\nThe VPN client's window:\n\n");

        browser.find("#file-upload").sendKeys(JourneyFiles.png("vpn-window.png").toString());
        browser.waitUntil(d -> browser.find("#markdown").getDomProperty("value").contains("![vpn-window.png](/files/"));
        browser.waitFor("#preview img[src*='/files/']");

        browser.clickAndWait(browser.find("form.editor button.primary"));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.find(".markdown img").getDomAttribute("src")).contains("vpn-window.png");
        assertThat(browser.find("#files").getText()).contains("vpn-window.png").contains("image/png");
        assertThat(browser.find("#files .file-thumb img").getDomAttribute("src"))
                .startsWith("/thumbs/");
    }

    @Test
    void theEditorWorksWithoutJavaScript() {
        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.javaScript(false);
        browser.open("/wiki/laptop-setup/edit");
        assertThat(browser.find("#preview").getText()).isEmpty();

        browser.find("#markdown").sendKeys(END, "\n\nA **bold** move.");
        browser.clickAndWait(browser.find("button[name=preview]"));
        assertThat(browser.find("#preview").getText()).contains("A bold move.");
        assertThat(browser.find("#markdown").getDomProperty("value")).endsWith("A **bold** move.");

        browser.clickAndWait(browser.find("form.editor button.primary"));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.find(".markdown strong").getText()).isEqualTo("bold");
    }

    @Test
    void aReaderSeesNoEditButtonAndTheEditorAddressSaysNotAllowed() {
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup");
        assertThat(browser.findAll("a[href='/wiki/laptop-setup/edit']")).isEmpty();
        assertThat(browser.findAll("a[href='/new']")).isEmpty();

        browser.open("/wiki/laptop-setup/edit");
        assertThat(browser.heading()).isEqualTo("Not allowed");
        assertThat(browser.text())
                .contains("contributor role")
                .doesNotContain("Exception")
                .doesNotContain("at dev.lore");
        assertThat(browser.findAll("#markdown")).isEmpty();
    }

    @Test
    void peopleSignInAndOut() {
        browser.open("/wiki/laptop-setup");
        browser.clickAndWait(browser.link("Sign in"));
        browser.fill("#username", "carla.contrib").fill("#password", "wrong password");
        browser.clickAndWait(browser.find("form.stack button[type=submit]"));
        assertThat(browser.find("[role=alert]").getText()).isNotBlank();
        assertThat(browser.find("#username").getDomProperty("value")).isEqualTo("carla.contrib");

        browser.fill("#password", TestLore.PASSWORD);
        browser.clickAndWait(browser.find("form.stack button[type=submit]"));
        assertThat(browser.find(".top-nav").getText())
                .contains("Carla Contributor")
                .contains("Sign out");

        browser.signOut();
        assertThat(browser.find(".top-nav").getText()).contains("Sign in").doesNotContain("Carla Contributor");
        browser.open("/new");
        assertThat(browser.path()).startsWith("/login?next=");
    }

    @Test
    void keyboardUsersSkipToTheContentAndSeeWhereFocusIs() {
        browser.open("/wiki/your-first-week");
        WebElement skip = browser.pressTab();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        assertThat(skip.getCssValue("outline-style")).isNotEqualTo("none");
        assertThat(skip.getRect().getX()).isGreaterThanOrEqualTo(0);

        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                .isEqualTo("main");
    }

    @Test
    void aNewHireFollowsTheirOnboardingPathAndMarksAStepDoneWithAReflection() {
        String cora = TestLore.get().person("cora.champion", "Cora Champion", "Enablement", CHAMPION);
        var built = http.post(
                "/api/paths",
                Map.of(
                        "title",
                        "Welcome to the team",
                        "level",
                        "newcomer",
                        "steps",
                        List.of(
                                Map.of(
                                        "kind",
                                        "article",
                                        "ref",
                                        "your-first-week",
                                        "prompt",
                                        "What will you do first?"),
                                Map.of("kind", "article", "ref", "laptop-setup"))),
                cora);
        assertThat(built.status()).as(built.body()).isEqualTo(201);

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/");
        assertThat(browser.find(".onboarding").getText())
                .contains("Welcome to the team")
                .contains("0 of 2 steps done");
        browser.clickAndWait(browser.link("Welcome to the team"));

        assertThat(browser.heading()).isEqualTo("Welcome to the team");
        assertThat(browser.find("#step-1").getText())
                .contains("Your first week")
                .contains("What will you do first?");
        browser.find("#done-1").click();
        browser.fill("#reflection-1", "Set up my laptop, then read the on-call page.");
        browser.clickAndWait(browser.find("#step-1 button[type=submit]"));

        assertThat(browser.path()).startsWith("/paths/");
        assertThat(browser.find("#progress-text").getText()).contains("1 of 2 steps done");
        assertThat(browser.find("#done-1").isSelected()).isTrue();
        assertThat(browser.find("#reflection-1").getAttribute("value"))
                .isEqualTo("Set up my laptop, then read the on-call page.");
        assertThat(browser.find("#shared-1").isSelected()).isFalse();
        assertThat(browser.findAll(".shared-reflections")).isEmpty();

        browser.open("/");
        assertThat(browser.find(".onboarding").getText())
                .contains("1 of 2 steps done")
                .contains("Laptop setup");
    }

    private List<String> hitTitles() {
        return browser.findAll(".hit-title").stream().map(WebElement::getText).toList();
    }

    private WebElement facet(String value) {
        return browser.findAll(".facet-value").stream()
                .filter(a -> a.getText().endsWith(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no facet value " + value + " in " + browser.text()));
    }

    @Test
    void aReaderFlagsAPageAChampionHidesItFromTheQueueAndReadersNoLongerFindIt() {
        http.post(
                "/api/articles",
                Map.of("title", "Free zorblax vouchers", "markdown", "Click here for zorblax."),
                carla);
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/free-zorblax-vouchers");
        browser.find("details.flag summary").click();
        browser.find("details.flag input[value=spam]").click();
        browser.fill("details.flag textarea", "An advert, not a page");
        browser.clickAndWait(browser.find("details.flag button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/wiki/free-zorblax-vouchers?done=flag");
        assertThat(browser.find("#notice").getText()).contains("your flag is with the champions");

        browser.signOut();
        browser.signIn("admin", TestLore.PASSWORD);
        browser.open("/");
        browser.find(".top-nav .curate-menu summary").click();
        browser.clickAndWait(browser.find(".top-nav").findElement(By.linkText("Review")));
        WebElement item = browser.find("article.flagged");
        assertThat(item.getText())
                .contains("Free zorblax vouchers")
                .contains("spam")
                .contains("An advert, not a page");
        item.findElement(By.cssSelector("input[name=reason]")).sendKeys("Advertising");
        browser.clickAndWait(item.findElement(By.cssSelector("button.danger")));
        assertThat(browser.path()).isEqualTo("/moderation");
        assertThat(browser.text()).contains("Nothing is flagged.").contains("Advertising");
        browser.open("/wiki/free-zorblax-vouchers");
        assertThat(browser.text()).contains("Hidden by Administrator: Advertising");

        browser.signOut();
        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/search?q=zorblax");
        assertThat(browser.text()).doesNotContain("Free zorblax vouchers");
        browser.open("/wiki/free-zorblax-vouchers");
        assertThat(browser.text()).doesNotContain("Click here for zorblax.");
    }

    @Test
    void aChampionUploadsASeedPackAsAZipAndAsAFolder() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("journey-pack-");
        java.nio.file.Path zip = dir.resolve("pack.zip");
        java.nio.file.Files.write(
                zip,
                dev.lore.server.seed.PackFiles.zip(Map.of(
                        "pack/on-call-basics.md",
                        "---\ntitle: On-call basics\ntags: [oncall]\n---\nPage the secondary.\n")));
        java.nio.file.Path folder = java.nio.file.Files.createDirectories(dir.resolve("team-pack"));
        java.nio.file.Files.writeString(
                folder.resolve("release-train.md"), "---\ntitle: Release train\n---\nEvery Tuesday.\n");
        java.nio.file.Files.writeString(folder.resolve("notes.txt"), "not a page");

        browser.signIn("admin", TestLore.PASSWORD);
        browser.open("/");
        browser.clickAndWait(browser.link("Seed packs"));
        browser.find("#pack-zip").sendKeys(zip.toString());
        browser.clickAndWait(browser.find("#zip-form button[type=submit]"));
        assertThat(browser.find("#import-summary").getText()).startsWith("1 article created, 0 updated");

        browser.find("#pack-folder").sendKeys(folder.toString());
        browser.clickAndWait(browser.find("#folder-form button[type=submit]"));
        assertThat(browser.find("#import-summary").getText()).startsWith("1 article created");
        assertThat(browser.find(".skipped").getText()).contains("notes.txt");

        browser.open("/wiki/release-train");
        assertThat(browser.heading()).isEqualTo("Release train");
        browser.open("/wiki/on-call-basics");
        assertThat(browser.heading()).isEqualTo("On-call basics");
    }

    @Test
    void aChampionBuildsAndReordersACollectionWithoutJavaScript() {
        browser.javaScript(false);
        browser.signIn("admin", TestLore.PASSWORD);
        browser.open("/");
        browser.clickAndWait(browser.link("New collection"));
        browser.fill("#collection-title", "Ship it");
        browser.fill("#collection-add", "laptop-setup");
        browser.clickAndWait(browser.find("button[value=add]"));
        browser.fill("#collection-add", "Kubernetes");
        browser.clickAndWait(browser.find("button[value=add]"));
        browser.clickAndWait(browser.find("button[value='add:kubernetes-deployments']"));
        assertThat(browser.find(".collection-articles").getText())
                .containsSubsequence("Laptop setup", "Kubernetes deployments");
        browser.clickAndWait(browser.find("#item-2 button[value='up:1']"));
        assertThat(browser.text()).contains("not saved yet");
        browser.clickAndWait(browser.find("button[value=save]"));

        assertThat(browser.path()).isEqualTo("/collections");
        browser.open("/");
        assertThat(browser.find(".featured").getText())
                .contains("Ship it")
                .containsSubsequence("Kubernetes deployments", "Laptop setup");
        browser.clickAndWait(browser.find(".featured").findElement(By.partialLinkText("Edit")));
        browser.find("details.danger-zone summary").click();
        browser.clickAndWait(browser.find("details.danger-zone button.danger"));
        browser.open("/");
        assertThat(browser.text()).doesNotContain("Ship it");
        browser.javaScript(true);
    }

    @Test
    void aChampionOpensImpactSeesChartsFiltersByTeamAndGetsTheCsvLink() {
        http.post("/api/questions", Map.of("title", "Where is the VPN guide?", "markdown", "Anyone?"), carla);
        browser.signIn("admin", TestLore.PASSWORD);
        browser.open("/");
        browser.find(".top-nav .curate-menu summary").click();
        browser.clickAndWait(browser.find(".top-nav").findElement(By.linkText("Impact")));
        assertThat(browser.heading()).isEqualTo("Impact");
        WebElement chart = browser.find("svg[role=img][aria-labelledby^=chart-active]");
        assertThat(chart.findElements(By.cssSelector("rect"))).isNotEmpty();
        assertThat(browser.find("#chart-active-title").getAttribute("textContent"))
                .isEqualTo("Active contributors");
        // totals: carla wrote the four pages and asked the question
        assertThat(browser.findAll(".impact-table tfoot td").stream().limit(4).map(WebElement::getText))
                .containsExactly("1", "4", "0", "1");

        browser.fill("#impact-team", "Platform");
        browser.clickAndWait(browser.find(".impact-filters button[type=submit]"));
        assertThat(browser.path()).startsWith("/impact?");
        WebElement csv = browser.link("Download CSV");
        String href = csv.getAttribute("href");
        assertThat(href).contains("/api/impact.csv?from=").endsWith("&team=Platform");
        var download = http.get(href.substring(href.indexOf("/api/")), http.login("admin", TestLore.PASSWORD));
        assertThat(download.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(download.body()).startsWith("week,start,end,team,skill,").contains(",Platform,");
    }

    @Test
    void anOwnerOpensAStalePageSeesTheMarkerVerifiesItAndItLeavesTheStaleList() {
        String slug = TestLore.get()
                .lore()
                .articles()
                .create(
                        new dev.lore.server.article.ArticleInput(
                                java.util.Optional.of("VPN troubleshooting"),
                                "Restart the VPN client, then check the gateway list.",
                                java.util.Optional.empty(),
                                java.util.Optional.empty(),
                                java.util.Optional.of("carla.contrib"),
                                java.util.Optional.empty()),
                        "carla.contrib",
                        java.time.Instant.now().minus(java.time.Duration.ofDays(200)))
                .slug();

        browser.signIn("carla.contrib", TestLore.PASSWORD);
        browser.open("/curation/stale");
        assertThat(browser.find(".stale-list").getText()).contains("VPN troubleshooting");
        browser.clickAndWait(browser.link("VPN troubleshooting"));

        assertThat(browser.path()).isEqualTo("/wiki/" + slug);
        assertThat(browser.find(".verification.stale").getText()).contains("This page may be out of date");
        browser.clickAndWait(browser.find(".verification button[type=submit]"));

        assertThat(browser.path()).isEqualTo("/wiki/" + slug);
        assertThat(browser.findAll(".verification.stale")).isEmpty();
        assertThat(browser.find(".verification").getText())
                .doesNotContain("out of date")
                .contains("Verified just now");
        browser.open("/curation/stale");
        assertThat(browser.text()).doesNotContain("VPN troubleshooting").contains("Nothing is past due");
    }

    @Test
    void aChampionPromotesAnAcceptedAnswerAndTheArticleCreditsItsAuthor() {
        TestLore.get().person("cora.champion", "Cora Champion", "Enablement", CHAMPION);
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        var q = http.post(
                "/api/questions",
                Map.of("title", "How do I renew the VPN certificate?", "markdown", "", "skills", List.of()),
                rudi);
        String id = q.json().get("id").asText();
        var a = http.post(
                "/api/questions/" + id + "/answers",
                Map.of("markdown", "Run `vpn-renew` and restart the client."),
                carla);
        String answer = a.json().get("id").asText();
        http.post("/api/answers/" + answer + "/accept", Map.of(), rudi);

        browser.signIn("cora.champion", TestLore.PASSWORD);
        browser.open("/questions/" + id);
        browser.clickAndWait(browser.find("#answer-" + answer + " .promote-form button"));

        assertThat(browser.heading()).isEqualTo("How do I renew the VPN certificate?");
        assertThat(browser.find(".origin").getText())
                .contains("From a question answered by")
                .contains("Carla");
        assertThat(browser.find(".contributors").getText())
                .contains("wrote 100%")
                .doesNotContain("Cora");
        browser.clickAndWait(browser.find(".origin a[href^='/questions/']"));
        assertThat(browser.find("#answer-" + answer + " .promoted").getText())
                .contains("This answer became the article");
        assertThat(browser.findAll(".promote-form")).isEmpty();
    }

    @Test
    void aLearnerMarksAPathStepDoneFromTheArticlePage() {
        String cora = TestLore.get().person("cora.champion", "Cora Champion", "Enablement", CHAMPION);
        var built = http.post(
                "/api/paths",
                Map.of(
                        "title",
                        "Tooling basics",
                        "level",
                        "newcomer",
                        "steps",
                        List.of(
                                Map.of("kind", "article", "ref", "your-first-week"),
                                Map.of("kind", "article", "ref", "laptop-setup"))),
                cora);
        String pathId = built.json().get("id").asText();
        String rudi = http.login("rudi.reader", TestLore.PASSWORD);
        http.post("/api/paths/" + pathId + "/progress", Map.of("step", 1, "done", true), rudi); // follows the path

        browser.signIn("rudi.reader", TestLore.PASSWORD);
        browser.open("/wiki/laptop-setup");
        assertThat(browser.find(".open-step").getText())
                .contains("Step 2 of 2 in Tooling basics")
                .contains("Mark this step done");
        browser.clickAndWait(browser.find(".open-step button"));

        assertThat(browser.heading()).isEqualTo("Step 2 done");
        assertThat(browser.find(".notice").getText()).contains("2 of 2 steps");
        assertThat(browser.text()).contains("You finished this path");
        browser.clickAndWait(browser.link("Back to the page"));
        assertThat(browser.path()).isEqualTo("/wiki/laptop-setup");
        assertThat(browser.findAll(".open-step")).isEmpty();
        browser.open("/paths/" + pathId);
        assertThat(browser.find("#progress-text").getText()).contains("2 of 2 steps done");
        browser.open("/wiki/your-first-week");
        assertThat(browser.findAll(".open-step")).isEmpty(); // step 1 was already done
    }
}
