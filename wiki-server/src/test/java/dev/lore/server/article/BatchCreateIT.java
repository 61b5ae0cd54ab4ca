package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.Graph;
import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.indexer.SearchRequest;
import dev.lore.server.Lore;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A bulk create ({@link ArticleService#createBatch}) leaves the graph and the search index as
 * creating the same articles one at a time does: articles, slugs, revisions with line authors,
 * contributions, links (between pages of the batch too), skills and who wrote about them, and what
 * searches find.
 */
@ExtendWith(TestLore.class)
class BatchCreateIT {
    private static final Instant AT = Instant.parse("2025-05-01T10:00:00Z");

    private static final Map<String, String> QUERIES = Map.of(
            "articles", """
                    MATCH (a:Article)
                    RETURN a.slug, a.title, a.titleKey, a.status, a.revision, a.tags, a.owner, a.kind, a.links,
                           a.createdAt, a.updatedAt
                    """,
            "revisions", """
                    MATCH (a:Article)-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                    RETURN a.slug, r.n, r.title, r.message, r.at, p.id, r.markdown, r.lineAuthors
                    """,
            "contributions", """
                    MATCH (p:Person)-[c:CONTRIBUTED]->(a:Article)
                    RETURN p.id, a.slug, c.edits, round(c.share, 6), c.firstAt, c.lastAt, c.added, c.removed
                    """,
            "people", "MATCH (p:Person) RETURN p.id, p.lastActiveAt",
            "links", "MATCH (a:Article)-[:LINKS_TO]->(b:Article) RETURN a.slug, b.slug",
            "mentions", "MATCH (a:Article)-[:MENTIONS]->(k:LinkKey) RETURN a.slug, k.key",
            "skills", "MATCH (a:Article)-[:ABOUT]->(s:Skill) RETURN a.slug, s.key, s.name",
            "wroteAbout", """
                    MATCH (p:Person)-[w:WROTE_ABOUT]->(s:Skill)
                    RETURN p.id, s.key, round(w.share, 6), w.articles, w.lastAt
                    """);

    private static final List<String> SEARCHES =
            List.of("kafka", "consumer", "lag", "welcome", "setup", "install", "streams", "carla", "deploy");

    /** Pages that link to each other both ways, share a title, carry skills and front matter. */
    private static List<ArticleInput> pages() {
        return List.of(
                input("Welcome", "# Welcome\n\nStart with [[Kafka basics]], then [[Setup]].\nMissing: [[Nowhere]].\n"),
                new ArticleInput(
                        Optional.empty(),
                        "---\ntitle: Kafka basics\ntags: [streaming, Kafka]\nskills: [Kafka, streams]\n---\n"
                                + "# Kafka basics\n\nConsumer groups.\nLag is measured per partition.\n\n"
                                + "Back to [[Welcome]].\n",
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of("First notes"),
                        Optional.empty()),
                input("Setup", "# Setup\n\nInstall it.\n\n## Deploy\n\nSee [[kafka-basics|the basics]].\n"),
                new ArticleInput(
                        Optional.of("Setup"),
                        "Install it on a laptop too. `[[not a link]]`\n",
                        Optional.of(List.of("howto")),
                        Optional.of(List.of("kafka", "Deploying")),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                input(
                        "Streams",
                        "Streams read what [[Setup-2]] and [[Welcome]] say.\n| a | b |\n|---|---|\n| lag | 1 |\n"));
    }

    private static ArticleInput input(String title, String markdown) {
        return new ArticleInput(
                Optional.of(title),
                markdown,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static List<String> authors() {
        return List.of(Lore.ADMIN_ID, "carla.contrib", Lore.ADMIN_ID, "carla.contrib", "carla.contrib");
    }

    @Test
    void aBatchLeavesTheGraphAndTheIndexAsCreatingEachArticleDoes(TestLore.Running lore) {
        wipeArticles(lore);
        List<String> reference = new ArrayList<>();
        for (int i = 0; i < pages().size(); i++) {
            reference.add(lore.lore()
                    .articles()
                    .create(pages().get(i), authors().get(i), AT)
                    .slug());
        }
        var expectedGraph = snapshot(lore.lore().graph());
        var expectedSearch = searches(lore);

        wipeArticles(lore);
        var batch = lore.lore().articles().createBatch(pages(), authors(), AT);

        assertThat(batch).extracting(a -> a.slug()).containsExactlyElementsOf(reference);
        assertThat(batch).extracting(a -> a.slug()).contains("setup", "setup-2");
        assertThat(batch)
                .extracting(a -> a.markdown())
                .containsExactlyElementsOf(
                        pages().stream().map(ArticleInput::markdown).toList());
        assertThat(expectedGraph.get("links")).contains("\"setup\" | \"kafka-basics\"", "\"streams\" | \"setup-2\"");
        assertThat(expectedGraph.get("skills")).isNotEmpty();
        expectedGraph.forEach((name, lines) ->
                assertThat(snapshot(lore.lore().graph()).get(name)).as(name).isEqualTo(lines));
        assertThat(expectedSearch.get("kafka")).isNotEmpty();
        assertThat(searches(lore)).isEqualTo(expectedSearch);
    }

    @Test
    void aBatchAfterAChangeTheIndexHasNotSeenIndexesBoth(TestLore.Running lore) {
        // written to the graph without the service, so the index is one change behind
        new ArticleStore(lore.lore().graph())
                .create(
                        "unseen-page",
                        new ArticleWrite(
                                "Unseen page",
                                "unseen-page",
                                "Quasar notes.\n",
                                List.of(),
                                List.of(),
                                Optional.empty(),
                                List.of(),
                                "Created",
                                Lore.ADMIN_ID,
                                AT,
                                Optional.empty()));

        lore.lore().articles().createBatch(List.of(input("Pulsar", "Pulsar notes.\n")), Lore.ADMIN_ID, AT);

        assertThat(titles(lore, "quasar")).containsExactly("Unseen page");
        assertThat(titles(lore, "pulsar")).containsExactly("Pulsar");
    }

    @Test
    void aBatchWithOneBadArticleWritesNothing(TestLore.Running lore) {
        var inputs = new ArrayList<>(pages());
        inputs.add(input("x".repeat(ArticleService.MAX_TITLE + 1), "Too long a title.\n"));
        var authors = new ArrayList<>(authors());
        authors.add(Lore.ADMIN_ID);
        long before = lore.lore().articles().count();

        assertThatThrownBy(() -> lore.lore().articles().createBatch(inputs, authors, AT))
                .isInstanceOf(InvalidInputException.class);
        assertThat(lore.lore().articles().count()).isEqualTo(before);
        assertThat(titles(lore, "kafka")).isEmpty();
    }

    private static List<String> titles(TestLore.Running lore, String query) {
        return lore.lore().index().search(new SearchRequest(query, 0, 50)).hits().stream()
                .map(h -> h.title())
                .toList();
    }

    /** Every article and what hangs off it goes; people stay, as they were before any save. */
    private static void wipeArticles(TestLore.Running lore) {
        lore.lore()
                .sync()
                .resetWith(() -> lore.lore().graph().write(tx -> {
                    tx.run("MATCH (n) WHERE n:Article OR n:Revision OR n:Skill OR n:LinkKey OR n:Redirect"
                                    + " DETACH DELETE n")
                            .consume();
                    tx.run("MATCH (p:Person) REMOVE p.lastActiveAt").consume();
                    dev.lore.graph.GraphVersion.sessionsChanged(tx); // what servers kept of the pages goes
                    return null;
                }));
        lore.lore().sync().catchUp(); // the index is where the graph is, as in a running server
    }

    /** The graph as sorted lines of text per query (article ids are random, so articles go by slug). */
    private static Map<String, List<String>> snapshot(Graph graph) {
        var lines = new TreeMap<String, List<String>>();
        QUERIES.forEach((name, query) -> lines.put(
                name,
                graph
                        .read(tx -> tx.run(query)
                                .list(r -> r.values().stream()
                                        .map(Object::toString)
                                        .collect(Collectors.joining(" | "))))
                        .stream()
                        .sorted()
                        .toList()));
        return lines;
    }

    /** What each search finds: type, link, title, snippet, tags and date of every hit, sorted. */
    private static Map<String, List<String>> searches(TestLore.Running lore) {
        var found = new TreeMap<String, List<String>>();
        for (String q : SEARCHES) {
            found.put(
                    q,
                    lore.lore().index().search(new SearchRequest(q, 0, 50)).hits().stream()
                            .map(h -> String.join(
                                    " | ",
                                    h.type(),
                                    h.slug(),
                                    h.title(),
                                    h.snippet(),
                                    h.tags().toString(),
                                    String.valueOf(h.updatedAt())))
                            .sorted()
                            .toList());
        }
        return found;
    }
}
