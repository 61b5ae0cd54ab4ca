package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.question.QuestionService;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reaching the person found: contact details, "Ask Ana" with routing further, skills declared in
 * the browser, the viewer left out of their experts, the strong set and the fold, and the people
 * directory. Over HTTP, as a browser without JavaScript uses them.
 */
@ExtendWith(TestLore.class)
class ReachExpertIT {
    /** How an expert card links to its person. */
    private static final String CARD = "class=\"card-title\" href=\"";

    private TestLore.Running running;
    private Http http;
    private String anaToken;
    private String bobToken;

    @BeforeEach
    void setUp(TestLore.Running running, Http http) {
        this.running = running;
        this.http = http;
        anaToken = running.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        bobToken = running.person("bob", "Bob Berg", "Platform", Role.CONTRIBUTOR);
        write(anaToken, "Kafka consumer groups", "Consumers in a Kafka group share the partitions of a topic.");
        write(anaToken, "Kafka offsets", "Kafka offsets are committed after processing; Kafka retries.");
        write(bobToken, "Kafka on the platform", "Our Kafka cluster runs three brokers.");
        running.settle();
    }

    private void write(String token, String title, String markdown) {
        var r = http.post(
                "/api/articles", Map.of("title", title, "markdown", markdown, "skills", List.of("Kafka")), token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String browserSession(String user) {
        String csrf = http.get("/login").cookie("lore_csrf");
        var login = http.form(
                "/login", Map.of("username", user, "password", TestLore.PASSWORD, "_csrf", csrf), "lore_csrf=" + csrf);
        assertThat(login.status()).isEqualTo(303);
        return "lore_csrf=" + csrf + "; lore_session=" + login.cookie("lore_session");
    }

    private static String csrfOf(String cookies) {
        return cookies.substring("lore_csrf=".length(), cookies.indexOf(';'));
    }

    private static String locationId(Http.Response r) {
        String location = r.header("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private List<String> askedOf(String questionId, String token) {
        var ids = new ArrayList<String>();
        http.get("/api/questions/" + questionId, token)
                .json()
                .get("askedOf")
                .forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    @Test
    void aPersonGivesAChatHandleAndOfficeHoursAndTheyShowOnTheirProfileWithTheirEmail() {
        String ana = browserSession("ana");
        var saved = http.form(
                "/people/ana/contact",
                Map.of(
                        "chat",
                        "@ana.silva",
                        "officeHours",
                        "I help with Kafka on Tuesdays 14-15",
                        "_csrf",
                        csrfOf(ana)),
                ana);
        assertThat(saved.status()).isEqualTo(303);

        String carla = browserSession("carla.contrib");
        assertThat(http.getWithCookies("/people/ana", carla).body())
                .contains("mailto:ana@example.test")
                .contains("Chat: &#64;ana.silva")
                .contains("Office hours: I help with Kafka on Tuesdays 14-15")
                .contains("href=\"/people/ana/ask\"");
        // on one's own page: the form to change them, and no "Ask" button
        assertThat(http.getWithCookies("/people/ana", ana).body())
                .contains("action=\"/people/ana/contact\"")
                .doesNotContain("href=\"/people/ana/ask\"");
        // a handle in the browser is cleared with a blank field
        http.form("/people/ana/contact", Map.of("chat", "", "officeHours", "", "_csrf", csrfOf(ana)), ana);
        assertThat(http.getWithCookies("/people/ana", carla).body())
                .doesNotContain("Chat: ")
                .doesNotContain("Office hours:");
    }

    @Test
    void contactChangesAreRefusedWithoutTheFormTokenForSomeoneElseAndWhenMalformed() {
        String ana = browserSession("ana");
        String carla = browserSession("carla.contrib");
        var noToken = http.form("/people/ana/contact", Map.of("chat", "x", "officeHours", ""), ana);
        assertThat(noToken.status()).isEqualTo(403);
        var someoneElse =
                http.form("/people/ana/contact", Map.of("chat", "x", "officeHours", "", "_csrf", csrfOf(carla)), carla);
        assertThat(someoneElse.status()).isEqualTo(403);
        var badHandle = http.form(
                "/people/ana/contact", Map.of("chat", "<script>", "officeHours", "", "_csrf", csrfOf(ana)), ana);
        assertThat(badHandle.status()).isEqualTo(400);
        var longHours = http.form(
                "/people/ana/contact", Map.of("chat", "", "officeHours", "x".repeat(201), "_csrf", csrfOf(ana)), ana);
        assertThat(longHours.status()).isEqualTo(400);
        assertThat(http.getWithCookies("/people/ana", carla).body()).doesNotContain("Chat: ");
    }

    @Test
    void withAChatLinkTheHandleLinksToTheChat() {
        var withChat =
                running.another("chat-link", c -> c.withChatLink(Optional.of("https://chat.example/u/{handle}")));
        String ana = browserSession("ana");
        http.form("/people/ana/contact", Map.of("chat", "ana.silva", "officeHours", "", "_csrf", csrfOf(ana)), ana);
        String token = withChat.http().login("carla.contrib", TestLore.PASSWORD);
        String page = withChat.http().get("/people/ana", token).body();
        assertThat(page).contains("href=\"https://chat.example/u/ana.silva\"");
    }

    @Test
    void expertCardsShowContactDetailsToSignedInPeopleAndLeaveTheSearcherOut() {
        String bob = browserSession("bob");
        http.form(
                "/people/bob/contact",
                Map.of("chat", "bob", "officeHours", "Kafka clinic on Fridays", "_csrf", csrfOf(bob)),
                bob);
        String carla = browserSession("carla.contrib");
        String found = http.getWithCookies("/experts?topic=Kafka", carla).body();
        assertThat(found)
                .contains("href=\"/people/ana\"")
                .contains("href=\"/people/bob\"")
                .contains("mailto:bob@example.test")
                .contains("Office hours: Kafka clinic on Fridays")
                .contains("href=\"/people/bob/ask\"");

        // Ana searching for her own topic is not her own expert
        String ana = browserSession("ana");
        String hers = http.getWithCookies("/experts?topic=Kafka", ana).body();
        // (the header links to her own page: the cards are what counts)
        assertThat(hers).doesNotContain(CARD + "/people/ana\"").contains(CARD + "/people/bob\"");
        assertThat(http.getWithCookies("/skills/Kafka", ana).body())
                .doesNotContain(CARD + "/people/ana\"")
                .contains(CARD + "/people/bob\"");
        String searched = http.getWithCookies("/search?q=Kafka", ana).body();
        String panel = searched.substring(searched.indexOf("Experts on this"));
        assertThat(panel).doesNotContain("href=\"/people/ana\">Ana Silva").contains("href=\"/people/bob\">Bob Berg");
        String carlaSearched = http.getWithCookies("/search?q=Kafka", carla).body();
        assertThat(carlaSearched.substring(carlaSearched.indexOf("Experts on this")))
                .contains("href=\"/people/ana\">Ana Silva");
    }

    @Test
    void learnFromCardsShowOfficeHoursAndAnAskLink() {
        String ana = browserSession("ana");
        http.form(
                "/people/ana/contact",
                Map.of("chat", "", "officeHours", "I help with Kafka on Tuesdays 14-15", "_csrf", csrfOf(ana)),
                ana);
        String carla = browserSession("carla.contrib");
        http.form("/people/carla.contrib/wants", Map.of("skills", "Kafka", "_csrf", csrfOf(carla)), carla);
        String page = http.getWithCookies("/people/carla.contrib", carla).body();
        assertThat(page)
                .contains("Learn from")
                .contains("Office hours: I help with Kafka on Tuesdays 14-15")
                .contains("href=\"/people/ana/ask?skills=Kafka\"");
    }

    @Test
    void askingAPersonRoutesToThemFirstAndToTheNextExpertsOnlyWhenUnansweredInTime() {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        running.clock().set(start);
        String carla = browserSession("carla.contrib");
        assertThat(http.getWithCookies("/people/ana/ask", carla).body())
                .contains("Ask Ana Silva")
                .contains("within " + QuestionService.ROUTE_FURTHER_AFTER.toHours() + " hours");
        var asked = http.form(
                "/people/ana/ask",
                Map.of(
                        "title", "How do I reset a Kafka consumer group?",
                        "markdown", "",
                        "skills", "Kafka",
                        "_csrf", csrfOf(carla)),
                carla);
        assertThat(asked.status()).as(asked.body()).isEqualTo(303);
        String id = locationId(asked);
        String token = http.login("carla.contrib", TestLore.PASSWORD);
        assertThat(askedOf(id, token)).containsExactly("ana");
        assertThat(http.get("/api/people/ana/asked-of-me", anaToken).body()).contains(id);

        var questions = running.lore().questions();
        running.clock().set(start.plus(QuestionService.ROUTE_FURTHER_AFTER).minusSeconds(60));
        assertThat(questions.routeFurther()).isZero();
        assertThat(askedOf(id, token)).containsExactly("ana");

        running.clock().set(start.plus(QuestionService.ROUTE_FURTHER_AFTER));
        assertThat(questions.routeFurther()).isEqualTo(1);
        assertThat(askedOf(id, token)).containsExactly("ana", "bob");
        // once only
        running.clock().set(start.plus(QuestionService.ROUTE_FURTHER_AFTER.multipliedBy(3)));
        assertThat(questions.routeFurther()).isZero();
        assertThat(askedOf(id, token)).containsExactly("ana", "bob");
    }

    @Test
    void aQuestionTheAskedPersonAnswersInTimeGoesToNobodyElse() {
        Instant start = Instant.parse("2026-12-01T09:00:00Z");
        running.clock().set(start);
        String carla = browserSession("carla.contrib");
        var asked = http.form(
                "/people/ana/ask",
                Map.of(
                        "title",
                        "Kafka retention for audit logs?",
                        "markdown",
                        "",
                        "skills",
                        "Kafka",
                        "_csrf",
                        csrfOf(carla)),
                carla);
        String id = locationId(asked);
        var answer = http.post("/api/questions/" + id + "/answers", Map.of("markdown", "Seven days."), anaToken);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        running.clock().set(start.plus(QuestionService.ROUTE_FURTHER_AFTER.multipliedBy(2)));
        assertThat(running.lore().questions().routeFurther()).isZero();
        assertThat(askedOf(id, anaToken)).containsExactly("ana");
    }

    @Test
    void askingOneselfOrWithoutATitleKeepsTheTextAndSaysWhy() {
        String ana = browserSession("ana");
        var self = http.form(
                "/people/ana/ask",
                Map.of("title", "Me?", "markdown", "text kept", "skills", "", "_csrf", csrfOf(ana)),
                ana);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.body()).contains("you cannot ask yourself").contains("text kept");
        var noTitle = http.form(
                "/people/bob/ask", Map.of("title", " ", "markdown", "body", "skills", "", "_csrf", csrfOf(ana)), ana);
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(http.getWithCookies("/people/nobody/ask", ana).status()).isEqualTo(404);
    }

    @Test
    void aPersonDeclaresAndEditsTheirSkillLevelsOnTheirProfile() {
        String ana = browserSession("ana");
        var declared = http.form(
                "/people/ana/skills",
                List.of(
                        Map.entry("_csrf", csrfOf(ana)),
                        Map.entry("skill", "Kafka"),
                        Map.entry("level", "expert"),
                        Map.entry("skill", "Go"),
                        Map.entry("level", "learning")),
                ana);
        assertThat(declared.status()).isEqualTo(303);
        assertThat(http.get("/api/people/ana", anaToken)
                        .json()
                        .get("declaredSkills")
                        .toString())
                .contains("Kafka")
                .contains("expert")
                .contains("Go")
                .contains("learning");
        String page = http.getWithCookies("/people/ana", ana).body();
        assertThat(page).contains("My skills").contains("value=\"Go\"");

        // edit one level, drop the other, add a new one in the empty row
        var edited = http.form(
                "/people/ana/skills",
                List.of(
                        Map.entry("_csrf", csrfOf(ana)),
                        Map.entry("skill", "Kafka"),
                        Map.entry("level", "practising"),
                        Map.entry("skill", "Go"),
                        Map.entry("level", "remove"),
                        Map.entry("skill", "PostgreSQL"),
                        Map.entry("level", "learning")),
                ana);
        assertThat(edited.status()).isEqualTo(303);
        String json = http.get("/api/people/ana", anaToken)
                .json()
                .get("declaredSkills")
                .toString();
        assertThat(json).contains("practising").contains("PostgreSQL").doesNotContain("\"Go\"");

        var badLevel = http.form(
                "/people/ana/skills",
                List.of(Map.entry("_csrf", csrfOf(ana)), Map.entry("skill", "Kafka"), Map.entry("level", "guru")),
                ana);
        assertThat(badLevel.status()).isEqualTo(400);
        var noToken = http.form(
                "/people/ana/skills", List.of(Map.entry("skill", "Kafka"), Map.entry("level", "expert")), ana);
        assertThat(noToken.status()).isEqualTo(403);
        String carla = browserSession("carla.contrib");
        var someoneElse = http.form(
                "/people/ana/skills",
                List.of(Map.entry("_csrf", csrfOf(carla)), Map.entry("skill", "Kafka"), Map.entry("level", "expert")),
                carla);
        assertThat(someoneElse.status()).isEqualTo(403);
        assertThat(http.getWithCookies("/people/ana", carla).body()).doesNotContain("My skills");
    }

    @Test
    void expertListsShowAStrongSetAndFoldWeakMatchesUnderMore() {
        // Ana wrote three Kafka pages; Dee only mentions Kafka once in a long page on something else
        write(anaToken, "Kafka partitions", "Kafka partitions order Kafka messages; Kafka keys pick them.");
        String dee = running.person("dee", "Dee Ward", "Finance", Role.CONTRIBUTOR);
        write(
                dee,
                "Quarterly budget planning",
                "Budgets are planned each quarter with finance. " + "Spreadsheets, forecasts and reviews. ".repeat(40)
                        + "A Kafka mention.");
        running.settle();
        String carla = browserSession("carla.contrib");
        String page = http.getWithCookies("/experts?topic=Kafka", carla).body();
        String strong = page.substring(0, page.indexOf("<details class=\"more-experts\">"));
        String more = page.substring(page.indexOf("<details class=\"more-experts\">"));
        assertThat(strong).contains("href=\"/people/ana\"").doesNotContain("href=\"/people/dee\"");
        assertThat(more).contains("more people with weaker evidence").contains("href=\"/people/dee\"");
    }

    @Test
    void theDirectoryLeavesOutLoresOwnAccountAndFiltersByTeamSkillAndAvailability() {
        http.put(
                "/api/people/bob/skills",
                Map.of("skills", List.of(Map.of("name", "Kafka", "level", "expert"))),
                bobToken);
        String carla = browserSession("carla.contrib");
        String all = http.getWithCookies("/people", carla).body();
        assertThat(all)
                .contains("href=\"/people/ana\"")
                .contains("href=\"/people/bob\"")
                .doesNotContain("href=\"/people/admin\"")
                .doesNotContain("Administrator");

        String streaming = http.getWithCookies("/people?team=Streaming", carla).body();
        assertThat(streaming).contains("href=\"/people/ana\"").doesNotContain("href=\"/people/bob\"");

        String kafka = http.getWithCookies("/people?skill=kafka", carla).body();
        assertThat(kafka).contains("href=\"/people/bob\"").doesNotContain("href=\"/people/ana\"");

        String bob = browserSession("bob");
        http.form("/people/bob/availability", Map.of("status", "unavailable", "_csrf", csrfOf(bob)), bob);
        String available = http.getWithCookies("/people?available=true", carla).body();
        assertThat(available).contains("href=\"/people/ana\"").doesNotContain("href=\"/people/bob\"");
        assertThat(http.getWithCookies("/people?skill=" + "x".repeat(101), carla)
                        .status())
                .isEqualTo(400);
    }
}
