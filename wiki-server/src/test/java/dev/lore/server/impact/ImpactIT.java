package dev.lore.server.impact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Impact: three weeks of activity by people in two teams, done at chosen times through the API
 * (the test server's clock is set before each step), and the exact weekly figures, the filters,
 * the CSV, top helpers, who may see them and bad input.
 *
 * <p>Weeks: 2026-W02 (Mon 5 Jan), 2026-W03 (12 Jan), 2026-W04 (19 Jan). Teams: ana and ben in
 * Streaming, cleo in {@code Data, "Core"} (a name that needs CSV quoting), rudi in Sales.
 */
@ExtendWith(TestLore.class)
class ImpactIT {
    private static final String TEAM_DATA = "Data, \"Core\"";
    private static final String RANGE = "from=2026-01-05&to=2026-01-25";

    private TestLore.Running lore;
    private Http http;
    private String ana;
    private String ben;
    private String cleo;
    private String rudi;
    private String carla;
    private String champion;
    private String article;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        ben = lore.person("ben", "Ben Okafor", "Streaming", Role.CONTRIBUTOR);
        cleo = lore.person("cleo", "Cleo Park", TEAM_DATA, Role.CONTRIBUTOR);
        champion = lore.person("chris", "Chris Champion", "", Role.CHAMPION);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        carla = http.login("carla.contrib", TestLore.PASSWORD);
    }

    private void at(String instant) {
        lore.clock().set(Instant.parse(instant));
    }

    private JsonNode ok(Http.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return r.json();
    }

    private String ask(String token, String title, List<String> skills) {
        return ok(
                        http.post(
                                "/api/questions",
                                Map.of("title", title, "markdown", "Anyone?", "skills", skills),
                                token),
                        201)
                .get("id")
                .asText();
    }

    private String answer(String token, String question) {
        return ok(http.post("/api/questions/" + question + "/answers", Map.of("markdown", "Like this."), token), 201)
                .get("id")
                .asText();
    }

    /** The story: see the class comment for who is where. */
    private void threeWeeks() {
        at("2026-01-05T09:00:00Z");
        article = ok(
                        http.post(
                                "/api/articles",
                                Map.of(
                                        "title",
                                        "Kafka consumer groups",
                                        "markdown",
                                        "Groups share partitions.\n\nEach partition has one consumer.\n\nLag is the gap.",
                                        "skills",
                                        List.of("Kafka")),
                                ana),
                        201)
                .get("slug")
                .asText();
        at("2026-01-06T10:00:00Z");
        String q1 = ask(ben, "How do I reset offsets?", List.of("Kafka"));
        at("2026-01-06T11:00:00Z");
        String path = ok(
                        http.post(
                                "/api/paths",
                                Map.of(
                                        "title",
                                        "Kafka basics",
                                        "description",
                                        "Start here.",
                                        "level",
                                        "newcomer",
                                        "skill",
                                        "Kafka",
                                        "steps",
                                        List.of(
                                                Map.of("kind", "article", "ref", article),
                                                Map.of("kind", "question", "ref", q1))),
                                champion),
                        201)
                .get("id")
                .asText();
        at("2026-01-06T13:00:00Z");
        String a1 = answer(ana, q1); // 3 hours
        at("2026-01-07T09:00:00Z");
        answer(cleo, q1); // not the first

        at("2026-01-12T09:00:00Z");
        ok(
                http.put(
                        "/api/articles/" + article,
                        Map.of(
                                "markdown",
                                "Groups share partitions.\n\nEach partition has one consumer.\n\nLag is the gap.\n\nWatch it.",
                                "baseRevision",
                                1),
                        cleo),
                200);
        at("2026-01-12T10:00:00Z");
        ok(
                http.post(
                        "/api/articles",
                        Map.of("title", "Data catalog", "markdown", "Where the tables are.", "skills", List.of("Data")),
                        cleo),
                201);
        at("2026-01-13T08:00:00Z");
        String q2 = ask(cleo, "Where is the schema registry?", List.of("Kafka"));
        at("2026-01-13T12:00:00Z");
        String q4 = ask(ben, "Who owns the build farm?", List.of());
        at("2026-01-13T15:00:00Z");
        ok(http.post("/api/paths/" + path + "/progress", Map.of("step", 1, "done", true), rudi), 200);
        ok(http.post("/api/paths/" + path + "/progress", Map.of("step", 1, "done", true), ben), 200);
        at("2026-01-14T08:00:00Z");
        answer(ben, q2); // 24 hours
        at("2026-01-14T09:00:00Z");
        ask(ana, "Is there a data dictionary?", List.of("Data")); // never answered
        at("2026-01-14T10:00:00Z");
        ok(http.post("/api/answers/" + a1 + "/accept", Map.of(), ben), 200);
        ok(http.post("/api/answers/" + a1 + "/votes", Map.of(), ben), 200);
        at("2026-01-15T10:00:00Z");
        ok(
                http.post(
                        "/api/comments",
                        Map.of("targetKind", "article", "targetId", article, "markdown", "Clear, thanks."),
                        rudi),
                201);
        // a page opened in a browser counts as a read
        assertThat(http.send("GET", "/wiki/" + article, null, rudi, Map.of("Accept", "text/html"))
                        .status())
                .isEqualTo(200);
        lore.settle();

        at("2026-01-19T12:00:00Z");
        String a4 = answer(cleo, q4); // 144 hours
        at("2026-01-20T09:00:00Z");
        ok(http.post("/api/answers/" + a4 + "/accept", Map.of(), ben), 200);
        ok(http.post("/api/paths/" + path + "/progress", Map.of("step", 2, "done", true), ben), 200);
        ok(
                http.post(
                        "/api/kudos",
                        Map.of("kind", "article", "target", article, "to", "ana", "note", "Great page"),
                        ben),
                201);
        ok(http.post("/api/kudos", Map.of("kind", "answer", "target", a1, "note", "Thanks"), cleo), 201);
        at("2026-01-21T09:00:00Z");
        String clicked =
                ok(http.get("/api/search?q=kafka", ana), 200).get("searchId").asText();
        ok(http.get("/api/search?q=" + Http.enc("kafka consumer")), 200);
        ok(http.get("/api/search?q=" + Http.enc("zzyzx nothing"), ben), 200);
        lore.settle();
        assertThat(http.post("/api/search/" + clicked + "/clicks", Map.of("position", 1, "slug", article), ana)
                        .status())
                .isEqualTo(204);
    }

    private JsonNode impact(String query) {
        return ok(http.get("/api/impact?" + query, champion), 200);
    }

    /** One week's (or the totals') figures as a compact map, nulls as the string "null". */
    private static Map<String, String> figures(JsonNode n) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (String f : List.of(
                "activeContributors",
                "newArticles",
                "updatedArticles",
                "questionsAsked",
                "questionsAnswered",
                "medianHoursToFirstAnswer",
                "searches",
                "searchesWithClick",
                "searchSuccessRate",
                "pathCompletions",
                "kudos")) {
            out.put(f, n.get(f).isNull() ? "null" : n.get(f).asText());
        }
        return out;
    }

    private static Map<String, String> expected(
            long active,
            long created,
            long updated,
            long asked,
            long answered,
            String median,
            long searches,
            long clicked,
            String rate,
            long completions,
            long kudos) {
        var out = new java.util.LinkedHashMap<String, String>();
        out.put("activeContributors", Long.toString(active));
        out.put("newArticles", Long.toString(created));
        out.put("updatedArticles", Long.toString(updated));
        out.put("questionsAsked", Long.toString(asked));
        out.put("questionsAnswered", Long.toString(answered));
        out.put("medianHoursToFirstAnswer", median);
        out.put("searches", Long.toString(searches));
        out.put("searchesWithClick", Long.toString(clicked));
        out.put("searchSuccessRate", rate);
        out.put("pathCompletions", Long.toString(completions));
        out.put("kudos", Long.toString(kudos));
        return out;
    }

    @Test
    void countsEachFigurePerIsoWeekAndOverTheRange() {
        threeWeeks();

        JsonNode r = impact(RANGE);

        assertThat(r.get("weeks").findValuesAsText("week")).containsExactly("2026-W02", "2026-W03", "2026-W04");
        assertThat(r.get("weeks").get(1).get("start").asText()).isEqualTo("2026-01-12");
        assertThat(r.get("weeks").get(1).get("end").asText()).isEqualTo("2026-01-18");
        assertThat(figures(r.get("weeks").get(0))).isEqualTo(expected(3, 1, 0, 1, 1, "3.0", 0, 0, "null", 0, 0));
        assertThat(figures(r.get("weeks").get(1))).isEqualTo(expected(4, 1, 1, 3, 1, "84.0", 0, 0, "null", 0, 0));
        assertThat(figures(r.get("weeks").get(2))).isEqualTo(expected(1, 0, 0, 0, 1, "null", 3, 1, "0.333", 1, 2));
        assertThat(figures(r.get("totals"))).isEqualTo(expected(4, 2, 1, 4, 3, "24.0", 3, 1, "0.333", 1, 2));
        assertThat(r.get("notes")).isEmpty();
    }

    @Test
    void aTeamFilterCountsWhatItsPeopleDidAndLeavesOutAnonymousSearches() {
        threeWeeks();

        JsonNode r = impact(RANGE + "&team=streaming");

        assertThat(figures(r.get("weeks").get(0))).isEqualTo(expected(2, 1, 0, 1, 1, "3.0", 0, 0, "null", 0, 0));
        assertThat(figures(r.get("weeks").get(1))).isEqualTo(expected(2, 0, 0, 2, 1, "144.0", 0, 0, "null", 0, 0));
        assertThat(figures(r.get("weeks").get(2))).isEqualTo(expected(0, 0, 0, 0, 0, "null", 2, 1, "0.5", 1, 1));
        assertThat(figures(r.get("totals"))).isEqualTo(expected(2, 1, 0, 3, 2, "73.5", 2, 1, "0.5", 1, 1));
        assertThat(r.get("team").asText()).isEqualTo("streaming");
        assertThat(r.get("notes").get(0).asText()).contains("not signed in");
    }

    @Test
    void aSkillFilterCountsContentAboutItUnderAnySpelling() {
        threeWeeks();

        JsonNode r = impact(RANGE + "&skill=kafkas");

        assertThat(r.get("skill").asText()).isEqualTo("Kafka");
        assertThat(r.get("skillKnown").asBoolean()).isTrue();
        assertThat(figures(r.get("weeks").get(0))).isEqualTo(expected(3, 1, 0, 1, 1, "3.0", 0, 0, "null", 0, 0));
        assertThat(figures(r.get("weeks").get(1))).isEqualTo(expected(3, 0, 1, 1, 1, "24.0", 0, 0, "null", 0, 0));
        assertThat(figures(r.get("weeks").get(2))).isEqualTo(expected(0, 0, 0, 0, 0, "null", 2, 1, "0.5", 1, 2));
        assertThat(figures(r.get("totals"))).isEqualTo(expected(4, 1, 1, 2, 2, "13.5", 2, 1, "0.5", 1, 2));

        JsonNode both = impact(RANGE + "&skill=Kafka&team=" + Http.enc(TEAM_DATA));
        assertThat(figures(both.get("totals"))).isEqualTo(expected(1, 0, 1, 1, 0, "24.0", 0, 0, "null", 0, 1));

        JsonNode unknown = impact(RANGE + "&skill=Cobol");
        assertThat(unknown.get("skillKnown").asBoolean()).isFalse();
        assertThat(figures(unknown.get("totals"))).isEqualTo(expected(0, 0, 0, 0, 0, "null", 0, 0, "null", 0, 0));
    }

    @Test
    void defaultsToTheTwelveWeeksUpToToday() {
        threeWeeks(); // leaves the clock on Wednesday 21 January 2026

        JsonNode r = impact("");

        assertThat(r.get("to").asText()).isEqualTo("2026-01-21");
        assertThat(r.get("weeks")).hasSize(12);
        assertThat(r.get("weeks").get(0).get("week").asText()).isEqualTo("2025-W45");
        assertThat(r.get("weeks").get(11).get("week").asText()).isEqualTo("2026-W04");
        assertThat(r.get("totals").get("kudos").asInt()).isEqualTo(2);
        assertThat(r.get("totals").get("newArticles").asInt()).isEqualTo(2);
    }

    @Test
    void exportsOneCsvRowPerWeekWithQuotedCells() {
        threeWeeks();
        String query = RANGE + "&team=" + Http.enc(TEAM_DATA);

        var csv = http.get("/api/impact.csv?" + query, champion);

        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"lore-impact-2026-W02-to-2026-W04-data-core.csv\"");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines)
                .containsExactly(
                        "week,start,end,team,skill,active_contributors,new_articles,updated_articles,questions_asked,"
                                + "questions_answered,median_hours_to_first_answer,searches,searches_with_click,"
                                + "search_success_rate,path_completions,kudos",
                        "2026-W02,2026-01-05,2026-01-11,\"Data, \"\"Core\"\"\",,1,0,0,0,0,,0,0,,0,0",
                        "2026-W03,2026-01-12,2026-01-18,\"Data, \"\"Core\"\"\",,1,1,1,1,0,24,0,0,,0,0",
                        "2026-W04,2026-01-19,2026-01-25,\"Data, \"\"Core\"\"\",,1,0,0,0,1,,0,0,,0,1");
        var viaFormat = http.get("/api/impact?format=csv&" + query, champion);
        assertThat(viaFormat.body()).isEqualTo(csv.body());
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAsFormulasAreMadeInert() {
        threeWeeks();
        Map<String, String> teams = Map.of(
                "=HYPERLINK(\"http://evil.test\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\")\"",
                "+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0",
                "-2+3", "'-2+3",
                "@SUM(A1:A2)", "'@SUM(A1:A2)",
                "Data-Core = team", "Data-Core = team");

        teams.forEach((team, cell) -> {
            var csv = http.get(
                    "/api/impact.csv?" + RANGE + "&team=" + Http.enc(team) + "&skill=" + Http.enc(team), champion);

            assertThat(csv.status()).as(csv.body()).isEqualTo(200);
            String firstWeek = csv.body().split("\r\n")[1];
            assertThat(firstWeek).as(team).startsWith("2026-W02,2026-01-05,2026-01-11," + cell + "," + cell + ",");
        });
    }

    @Test
    void topHelpersSayWhyAndFollowTheFilters() {
        threeWeeks();

        JsonNode top = ok(http.get("/api/impact/top-helpers?month=2026-01", champion), 200);

        assertThat(top.get("month").asText()).isEqualTo("2026-01");
        JsonNode first = top.get("helpers").get(0);
        assertThat(first.get("person").get("id").asText()).isEqualTo("ana");
        assertThat(first.get("peopleHelped").asInt()).isEqualTo(3);
        assertThat(first.get("answersAccepted").asInt()).isEqualTo(1);
        assertThat(first.get("helpfulVotes").asInt()).isEqualTo(1);
        assertThat(first.get("kudosReceived").asInt()).isEqualTo(2);
        assertThat(first.get("readers").asInt()).isEqualTo(1);
        assertThat(first.get("why").asText())
                .isEqualTo("Helped 3 people: 1 answer accepted, 1 helpful vote on answers, 2 kudos received, "
                        + "1 reader of their articles.");
        JsonNode second = top.get("helpers").get(1);
        assertThat(second.get("person").get("id").asText()).isEqualTo("cleo");
        assertThat(second.get("peopleHelped").asInt()).isEqualTo(2);
        assertThat(second.get("answersAccepted").asInt()).isEqualTo(1);
        assertThat(top.get("helpers")).hasSize(2);

        JsonNode team =
                ok(http.get("/api/impact/top-helpers?month=2026-01&team=" + Http.enc(TEAM_DATA), champion), 200);
        assertThat(team.get("helpers").findValuesAsText("id")).containsExactly("cleo");
        JsonNode skill = ok(http.get("/api/impact/top-helpers?month=2026-01&skill=Kafka", champion), 200);
        assertThat(skill.get("helpers").get(1).get("why").asText())
                .isEqualTo("Helped 1 person: 1 reader of their articles.");
        JsonNode limited = ok(http.get("/api/impact/top-helpers?month=2026-01&limit=1", champion), 200);
        assertThat(limited.get("helpers")).hasSize(1);
        assertThat(ok(http.get("/api/impact/top-helpers?month=2026-02", champion), 200)
                        .get("helpers"))
                .isEmpty();
        // the current month by default: the clock says January 2026
        assertThat(ok(http.get("/api/impact/top-helpers", champion), 200)
                        .get("month")
                        .asText())
                .isEqualTo("2026-01");
    }

    @Test
    void onlyChampionsSeeImpact() {
        String admin = http.login("admin", TestLore.PASSWORD);
        for (String path : List.of("/api/impact", "/api/impact.csv", "/api/impact/top-helpers", "/impact")) {
            // pages send people who are not signed in to the sign-in page instead
            assertThat(http.get(path).status()).as(path).isEqualTo(path.startsWith("/api") ? 401 : 303);
            assertThat(http.get(path, carla).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, rudi).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, champion).status()).as(path).isEqualTo(200);
            assertThat(http.get(path, admin).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void rejectsMalformedDatesBackwardsRangesAndTooLongOnes() {
        var cases = new ArrayList<List<String>>();
        cases.add(List.of("/api/impact?from=2026-13-01", "from must be a date"));
        cases.add(List.of("/api/impact?to=yesterday", "to must be a date"));
        cases.add(List.of("/api/impact?from=2026-02-01&to=2026-01-01", "must not be after"));
        cases.add(List.of("/api/impact?from=2023-01-01&to=2026-01-01", "at most two years"));
        cases.add(List.of("/api/impact.csv?from=2026-1-1", "from must be a date"));
        cases.add(List.of("/api/impact?format=xml", "format must be json or csv"));
        cases.add(List.of("/api/impact?team=" + "x".repeat(201), "team must be 1-200 characters"));
        cases.add(List.of("/api/impact/top-helpers?month=2026-1x", "month must be like 2026-01"));
        cases.add(List.of("/api/impact/top-helpers?limit=0", "limit must be 1-50"));
        for (var c : cases) {
            var r = http.get(c.get(0), champion);
            assertThat(r.status()).as(c.get(0)).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("bad_request");
            assertThat(r.json().get("detail").asText()).as(c.get(0)).contains(c.get(1));
        }
        assertThat(http.get("/impact?from=nope", champion).status()).isEqualTo(400);
    }

    @Test
    void thePageDrawsChartsWithATableAndACsvLinkWithTheSameFilters() {
        threeWeeks();

        var page = http.get("/impact?" + RANGE + "&team=Streaming", champion);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<svg", "role=\"img\"", "aria-labelledby=\"chart-active-title chart-active-desc\"")
                .contains("<title id=\"chart-search-title\">Search success rate</title>")
                .contains("<polyline", "<rect")
                .contains("href=\"/api/impact.csv?from=2026-01-05&amp;to=2026-01-25&amp;team=Streaming\"")
                .contains("<table class=\"impact-table\"")
                .contains("Top helpers, January 2026")
                .contains("Ana Silva");
        assertThat(http.get("/moderation", champion).body()).contains("href=\"/impact\"");
    }
}
