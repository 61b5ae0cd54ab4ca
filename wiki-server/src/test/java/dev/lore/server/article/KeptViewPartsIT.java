package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A warm article or profile view serves what is the same for every reader (the page's own read,
 * its place in the tree, its origin; a person's contributions and evidence) from what an earlier
 * view read, kept with the graph's version, and reads the version once per view: fewer statements
 * to the database. Every view must still show what the graph says now, whichever server wrote it.
 */
@ExtendWith(TestLore.class)
class KeptViewPartsIT {
    private TestLore.Running lore;
    private Http http;
    private Http other;
    private String carla;
    private String rudi;
    private String champ;

    @BeforeEach
    void signIn(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.other = lore.another("kept-view-parts", c -> c).http();
        this.carla = http.login("carla.contrib", TestLore.PASSWORD);
        this.rudi = http.login("rudi.reader", TestLore.PASSWORD);
        this.champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
    }

    private void create(Http on, String title, String markdown) {
        var r = on.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private String view(String path) {
        var r = http.get(path, rudi);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Statements the server ran for one view by rudi. */
    private long statementsOf(String path) {
        long before = lore.lore().graph().statementsRun();
        view(path);
        return lore.lore().graph().statementsRun() - before;
    }

    private static String breadcrumbs(String page) {
        int start = page.indexOf("class=\"breadcrumbs\"");
        return page.substring(start, page.indexOf("</nav>", start));
    }

    @Test
    void aGraphWipedAndBuiltAgainTheSameWayIsNeverServedFromWhatWasKept() {
        create(http, "Runbook", "The first text.");
        assertThat(view("/wiki/runbook")).contains("The first text.");
        long before = dev.lore.graph.GraphVersion.read(lore.lore().graph());

        // the same writes as before, on a wiped graph: the change counter starts again from zero
        TestLore.startAgain(lore);
        signIn(lore, http);
        create(http, "Runbook", "The second text.");

        assertThat(view("/wiki/runbook")).contains("The second text.").doesNotContain("The first text.");
        assertThat(other.get("/wiki/runbook", rudi).body()).contains("The second text.");
        assertThat(dev.lore.graph.GraphVersion.read(lore.lore().graph())).isGreaterThan(before);
    }

    @Test
    void aWarmArticleViewRunsFewerStatementsThanTheReadsItShows() {
        create(http, "Runbook", "See [[Kafka]] and ask @carla.contrib.");
        view("/wiki/runbook");
        view("/wiki/runbook");
        lore.settle();

        long warm = statementsOf("/wiki/runbook");

        // 17 when every part was read on every view (the page, the version twice, the place in
        // the tree four times, the origin)
        assertThat(warm).isLessThanOrEqualTo(11);
    }

    @Test
    void aWarmProfileViewRunsFewerStatementsThanTheReadsItShows() {
        create(http, "Runbook", "Restart the brokers.");
        view("/people/carla.contrib");
        view("/people/carla.contrib");
        lore.settle();

        long warm = statementsOf("/people/carla.contrib");

        // 13 when the person's evidence, contributions, endorsements and wishes were read each view
        assertThat(warm).isLessThanOrEqualTo(10);
    }

    @Test
    void anEditOnAnotherServerShowsOnTheNextViewHere() {
        create(http, "Runbook", "Restart the first broker.");
        assertThat(view("/wiki/runbook")).contains("Restart the first broker.");

        var r = other.put(
                "/api/articles/runbook", Map.of("baseRevision", 1, "markdown", "Restart the second broker."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        assertThat(view("/wiki/runbook"))
                .contains("Restart the second broker.")
                .doesNotContain("Restart the first broker.");
    }

    @Test
    void aPageHiddenOnAnotherServerIsNotServedHere() {
        create(http, "Kafka basics", "Secret topics.");
        assertThat(view("/wiki/kafka-basics")).contains("Secret topics.");

        var r = other.post("/api/moderation/article/kafka-basics/hide", Map.of("reason", "spam"), champ);
        assertThat(r.status()).as(r.body()).isEqualTo(204);

        var reader = http.get("/wiki/kafka-basics", rudi);
        assertThat(reader.status()).isEqualTo(404);
        assertThat(reader.body()).doesNotContain("Secret topics.");
    }

    @Test
    void aPageMovedHereOrOnAnotherServerShowsItsNewPlaceOnTheNextView() {
        create(http, "Platform", "Everything platform.");
        create(http, "Data", "Everything data.");
        create(http, "Kafka runbook", "Restart the brokers.");
        assertThat(breadcrumbs(view("/wiki/kafka-runbook"))).doesNotContain("/wiki/platform");

        var moved = http.put("/api/articles/kafka-runbook/parent", Map.of("parent", "platform"), carla);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(breadcrumbs(view("/wiki/kafka-runbook"))).contains("href=\"/wiki/platform\"");

        moved = other.put("/api/articles/kafka-runbook/parent", Map.of("parent", "data"), carla);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(breadcrumbs(view("/wiki/kafka-runbook")))
                .contains("href=\"/wiki/data\"")
                .doesNotContain("/wiki/platform");
    }

    @Test
    void aProfileShowsWhatThePersonWroteHereOrOnAnotherServerOnTheNextView() {
        create(http, "Runbook", "Restart the brokers.");
        assertThat(view("/people/carla.contrib")).contains("Runbook").doesNotContain("Zookeeper notes");

        create(other, "Zookeeper notes", "Quorum of three.");
        assertThat(view("/people/carla.contrib")).contains("Zookeeper notes");

        create(http, "Schema registry", "Compatibility modes.");
        assertThat(view("/people/carla.contrib")).contains("Schema registry");
    }
}
