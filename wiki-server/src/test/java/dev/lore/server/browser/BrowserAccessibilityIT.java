package dev.lore.server.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * Every page, filled with the seed pack, checked by axe-core: no serious or critical violations.
 * Every visit is checked in light mode at desktop width, must not scroll sideways at phone width
 * and must log no console errors; a page with a layout of its own (its template, or components no
 * other visit shows) is checked by axe again in dark mode and at phone width. A page built from the
 * same template and components as one of those shows the same colours and folds the same way.
 * Each visit also saves desktop and phone screenshots to {@code target/screenshots}. The visits run
 * in order in one browser, so the seed pack loads once.
 */
@ExtendWith({TestLore.class, BrowserExtension.class})
class BrowserAccessibilityIT {
    private static final String SLUG = "kafka-consumer-groups-in-practice";
    private static final String ARTICLE = "/wiki/" + SLUG;
    private static final String CONTRIBUTOR = "elena.petrova";
    private static final String READER = "rudi.reader";
    private static final String CHAMPION = "ana.silva";

    /** The rules a change of colour scheme can break; the others saw the same page in light mode. */
    private static final List<String> COLOURS = List.of("color-contrast", "link-in-text-block");

    private TestLore.Running lore;
    private Browser browser;
    private Optional<String> signedIn = Optional.empty();

    /**
     * A page to check: who looks at it, how to get there, and whether it has a layout of its own
     * (then axe also checks it in dark mode and at phone width).
     */
    private record Visit(String name, Optional<String> user, Runnable go, boolean own) {}

    @TestFactory
    Stream<DynamicTest> everyPageHasNoSeriousAccessibilityProblems(TestLore.Running lore, Browser browser) {
        this.lore = lore;
        this.browser = browser;
        lore.seed();
        // outside demo mode the seed pack's people cannot sign in until someone gives them a password
        lore.lore().people().setPassword(CONTRIBUTOR, TestLore.PASSWORD);
        lore.lore().people().setPassword(CHAMPION, TestLore.PASSWORD);
        return visits().stream().map(v -> dynamicTest(v.name(), () -> check(v)));
    }

    private List<Visit> visits() {
        var visits = new ArrayList<Visit>();
        visits.add(anonymous("home", "/", true));
        visits.add(new Visit("home-suggestions", Optional.empty(), this::suggestions, true));
        visits.add(anonymous("search", "/search?q=kafka", true));
        visits.add(anonymous("search-cards", "/search?q=ana+kafka", true));
        visits.add(anonymous("search-filtered", "/search?q=kafka&tag=messaging", false));
        visits.add(anonymous("search-typo", "/search?q=kafak+consumr", false));
        visits.add(anonymous("search-empty", "/search?q=zzyzx+qqq", true));
        visits.add(anonymous("article", ARTICLE, true));
        visits.add(anonymous("article-checklist", "/wiki/how-on-call-works", true));
        visits.add(anonymous("history", ARTICLE + "/history", true));
        visits.add(anonymous("revision", ARTICLE + "/revisions/1", false));
        visits.add(anonymous("diff", ARTICLE + "/diff?from=1&to=3", true));
        visits.add(anonymous("skill", "/skills/Kafka", true));
        visits.add(anonymous("experts", "/experts?topic=kafka+consumer+lag", true));
        // people's pages are for signed-in colleagues (LORE_PUBLIC_PEOPLE is off)
        visits.add(signedIn("people", "/people", true));
        visits.add(signedIn("person-colleague", "/people/ana.silva", true));
        visits.add(signedIn("person-own", "/people/" + CONTRIBUTOR));
        visits.add(anonymous("login", "/login", true));
        visits.add(anonymous("not-found", "/wiki/no-such-page", true));
        visits.add(anonymous("error", ARTICLE + "/revisions/0", false));
        visits.add(new Visit("forbidden", Optional.of(READER), () -> browser.open(ARTICLE + "/edit"), false));
        visits.add(signedIn("article-signed-in", ARTICLE, true));
        visits.add(new Visit("article-files", Optional.of(CONTRIBUTOR), this::articleWithFiles, true));
        visits.add(signedIn("editor", ARTICLE + "/edit", true));
        visits.add(signedIn("new-page", "/new?title=Release+checklist"));
        visits.add(new Visit("editor-conflict", Optional.of(CONTRIBUTOR), this::conflict, true));
        visits.add(new Visit("question", Optional.empty(), this::question, true));
        visits.add(anonymous("questions", "/questions", true));
        visits.add(new Visit("question-signed-in", Optional.of(CONTRIBUTOR), () -> browser.open(questionPath), false));
        visits.add(signedIn("ask", "/questions/new?title=How+do+I+reset+consumer+offsets", true));
        visits.add(new Visit("ask-similar", Optional.of(CONTRIBUTOR), this::askSimilar, false));
        visits.add(anonymous("paths", "/paths", true));
        visits.add(new Visit("path", Optional.empty(), () -> browser.open(seedPath()), true));
        visits.add(new Visit("path-signed-in", Optional.of(CONTRIBUTOR), this::pathWithProgress, false));
        visits.add(new Visit("article-path-step", Optional.of(CONTRIBUTOR), this::articleWithOpenStep, true));
        visits.add(signedIn("home-signed-in", "/", true));
        visits.add(new Visit("step-done", Optional.of(CONTRIBUTOR), this::stepDone, true));
        visits.add(new Visit("path-new", Optional.of(CHAMPION), () -> browser.open("/paths/new"), true));
        visits.add(new Visit("moderation", Optional.of(CHAMPION), this::moderation, true));
        visits.add(new Visit("article-hidden", Optional.of(CHAMPION), () -> browser.open(HIDDEN), false));
        visits.add(new Visit("gaps", Optional.of(CHAMPION), () -> browser.open("/curation/gaps"), true));
        visits.add(signedIn("search-empty-signed-in", "/search?q=zzyzx+qqq"));
        visits.add(signedIn("page-requested", "/search/requested?q=zzyzx+qqq"));
        visits.add(new Visit("stale-pages", Optional.of(CHAMPION), this::stalePages, true));
        visits.add(new Visit("seed-packs", Optional.of(CHAMPION), () -> browser.open("/curation/seed-packs"), true));
        visits.add(new Visit("collections", Optional.of(CHAMPION), () -> browser.open("/collections"), false));
        visits.add(new Visit("collection-edit", Optional.of(CHAMPION), this::collectionEditor, true));
        visits.add(new Visit("impact", Optional.of(CHAMPION), () -> browser.open("/impact"), true));
        visits.add(new Visit("question-champion", Optional.of(CHAMPION), this::acceptedAsChampion, false));
        visits.add(new Visit("article-promoted", Optional.of(CHAMPION), this::promoteAnswer, false));
        visits.add(new Visit(
                "already-flagged",
                Optional.of(READER),
                () -> browser.open("/moderation/already-flagged?back=" + ARTICLE),
                false));
        return visits;
    }

    /** The pages to verify, with one page past due (the seed pack itself loads verified). */
    private void stalePages() {
        lore.lore()
                .articles()
                .create(
                        new dev.lore.server.article.ArticleInput(
                                Optional.of("Old VPN notes"),
                                "Steps that may have changed since.",
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(CONTRIBUTOR),
                                Optional.empty()),
                        CONTRIBUTOR,
                        java.time.Instant.now().minus(java.time.Duration.ofDays(300)));
        browser.open("/curation/stale");
    }

    private String seedPath() {
        return "/paths/" + lore.lore().paths().list(Optional.empty()).getFirst().id();
    }

    /** The seed onboarding path with the first step done and a shared reflection on it. */
    private void pathWithProgress() {
        browser.open(seedPath());
        browser.find("#done-1").click();
        browser.fill("#reflection-1", "The checklist helped me plan my week.");
        browser.find("#shared-1").click();
        browser.clickAndWait(browser.find("#step-1 button[type=submit]"));
    }

    /** The article of the seed path's second step (not done yet) shows "mark this step done". */
    private void articleWithOpenStep() {
        var path = lore.lore().paths().get(seedPath().substring("/paths/".length()));
        browser.open("/wiki/" + path.steps().get(1).ref());
        assertThat(browser.find(".open-step").getText()).contains("Mark this step done");
    }

    /** "Mark this step done" on that article: the confirmation offers the next step. */
    private void stepDone() {
        articleWithOpenStep();
        browser.clickAndWait(browser.find(".open-step button"));
        assertThat(browser.heading()).startsWith("Step 2 done");
    }

    /** The asker accepts the question's answer; a champion sees "Promote to article" on it. */
    private void acceptedAsChampion() {
        String carla = lore.http().login("carla.contrib", TestLore.PASSWORD);
        lore.http().post("/api/answers/" + answerId + "/accept", Map.of(), carla);
        browser.open(questionPath);
        assertThat(browser.find(".promote-form").getText()).contains("Promote to article");
    }

    /** Promotes that answer from the button: the new article says where it came from. */
    private void promoteAnswer() {
        browser.open(questionPath);
        browser.clickAndWait(browser.find(".promote-form button"));
        assertThat(browser.find(".origin").getText()).contains("From a question answered by");
    }

    private Visit anonymous(String name, String path, boolean own) {
        return new Visit(name, Optional.empty(), () -> browser.open(path), own);
    }

    private Visit signedIn(String name, String path) {
        return signedIn(name, path, false);
    }

    private Visit signedIn(String name, String path, boolean own) {
        return new Visit(name, Optional.of(CONTRIBUTOR), () -> browser.open(path), own);
    }

    /** The editor of the seed collection, with title search candidates and an unsaved change. */
    private void collectionEditor() {
        String id = lore.lore().collections().all().getFirst().id();
        browser.open("/collections/" + id + "/edit");
        browser.fill("#collection-add", "kafka");
        browser.clickAndWait(browser.find("button[value=add]"));
    }

    /** Types into the home page's search box until suggestions show. */
    private void suggestions() {
        browser.open("/");
        browser.find("#hero-q").sendKeys("kafka");
        browser.waitFor("#hero-q-suggestions .suggestion");
        browser.find("#hero-q").sendKeys(Keys.ARROW_DOWN);
        browser.waitFor("#hero-q-suggestions .suggestion[aria-selected=true]");
    }

    /** Attaches an image and a text file through the article's upload form: the list with a thumbnail. */
    private void articleWithFiles() {
        browser.open(ARTICLE);
        for (var file : List.of(JourneyFiles.png("consumer-lag.png"), JourneyFiles.text("lag-runbook.txt"))) {
            browser.find("#file-upload").sendKeys(file.toString());
            browser.clickAndWait(browser.find("#files form.file-upload button[type=submit]"));
        }
        browser.waitFor("#files .file-thumb img");
        assertThat(browser.find("#files").getText())
                .contains("consumer-lag.png")
                .contains("lag-runbook.txt");
    }

    /** Opens the editor, lets someone else save meanwhile, then saves: the conflict page. */
    private void conflict() {
        browser.open(ARTICLE + "/edit");
        browser.find("#markdown").sendKeys("\n\nOne more line from Elena.");
        String token = lore.http().login("carla.contrib", TestLore.PASSWORD);
        var current = lore.http().get("/api/articles/" + SLUG).json();
        lore.http()
                .put(
                        "/api/articles/" + SLUG,
                        Map.of(
                                "markdown",
                                current.get("markdown").asText() + "\n\nCarla's note on lag alerts.",
                                "baseRevision",
                                current.get("revision").asInt()),
                        token);
        browser.clickAndWait(browser.find("form.editor button[type=submit]"));
        assertThat(browser.text()).contains("while you were editing");
    }

    private String questionPath = "/questions";
    private String answerId = "";

    /** Asks a question with an answer and a comment over the API, then opens its page. */
    private void question() {
        String carla = lore.http().login("carla.contrib", TestLore.PASSWORD);
        String rudi = lore.http().login("rudi.reader", TestLore.PASSWORD);
        var asked = lore.http()
                .post(
                        "/api/questions",
                        Map.of(
                                "title", "How far behind may a Kafka consumer fall?",
                                "markdown", "Our lag alert fires at *10,000* messages.",
                                "skills", java.util.List.of("Kafka")),
                        carla);
        String id = asked.json().get("id").asText();
        var answered = lore.http()
                .post("/api/questions/" + id + "/answers", Map.of("markdown", "Alert on **time** lag instead."), rudi);
        lore.http()
                .post(
                        "/api/comments",
                        Map.of(
                                "targetKind", "answer",
                                "targetId", answered.json().get("id").asText(),
                                "markdown", "Which exporter gives time lag?"),
                        carla);
        questionPath = "/questions/" + id;
        answerId = answered.json().get("id").asText();
        browser.open(questionPath);
    }

    private static final String HIDDEN = "/wiki/how-on-call-works";

    /** Flags two pages as a reader, hides one as a champion, then opens the review queue. */
    private void moderation() {
        String rudi = lore.http().login(READER, TestLore.PASSWORD);
        String ana = lore.http().login(CHAMPION, TestLore.PASSWORD);
        lore.http()
                .post(
                        "/api/flags",
                        Map.of(
                                "targetKind",
                                "article",
                                "target",
                                SLUG,
                                "reason",
                                "outdated",
                                "note",
                                "Old broker names"),
                        rudi);
        lore.http()
                .post(
                        "/api/flags",
                        Map.of("targetKind", "article", "target", HIDDEN.substring(6), "reason", "wrong"),
                        rudi);
        lore.http()
                .post(
                        "/api/moderation/article/" + HIDDEN.substring(6) + "/hide",
                        Map.of("reason", "Being rewritten"),
                        ana);
        browser.open("/moderation");
    }

    /** Types a question and asks for similar content first (the no-JavaScript path). */
    private void askSimilar() {
        browser.open("/questions/new");
        browser.fill("#title", "kafka consumer lag");
        browser.clickAndWait(browser.find("button[value=similar]"));
        assertThat(browser.text()).contains("Already in Lore");
    }

    private void check(Visit visit) {
        if (!visit.user().equals(signedIn)) {
            browser.reset();
            visit.user().ifPresent(u -> browser.signIn(u, TestLore.PASSWORD));
            signedIn = visit.user();
        }
        visit.go().run();
        look(visit, "light", List.of());

        if (visit.own()) {
            browser.darkMode(true);
            look(visit, "dark", COLOURS);
            browser.darkMode(false);
        }

        browser.phone();
        if (visit.own()) {
            look(visit, "phone", List.of());
        } else {
            browser.screenshot(visit.name() + "-phone");
        }
        assertThat(browser.scrollsSideways())
                .as("%s scrolls sideways on a phone", browser.path())
                .isFalse();
        browser.desktop();

        assertThat(browser.consoleErrors())
                .as("console errors on %s", browser.path())
                .isEmpty();
    }

    /** Takes the screenshot before axe runs, so it shows exactly the state that was checked. */
    private void look(Visit visit, String mode, List<String> rules) {
        browser.screenshot(visit.name() + (mode.equals("light") ? "" : "-" + mode));
        assertThat(browser.accessibilityProblems(rules))
                .as("axe, %s, on %s", mode, browser.path())
                .isEmpty();
    }
}
