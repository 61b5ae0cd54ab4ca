package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.Graph;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.bench.SyntheticGitRepository;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.FixtureRepository;
import dev.lore.server.support.TestLore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batched Git import (saves kept in memory, written together per batch) leaves the graph as
 * saving every revision on its own through the article service does: same revisions, line
 * authors, contributions, people, articles, slugs and redirects, links and skills.
 */
@ExtendWith(TestLore.class)
class GitImportBatchedIT {
    @TempDir
    Path dir;

    private static final Map<String, String> QUERIES = Map.of(
            "articles", """
                    MATCH (a:Article)
                    RETURN coalesce(a.deletedSlug, a.slug), a.title, a.status, a.revision, a.tags, a.owner, a.links, a.updatedAt, a.createdAt,
                           a.deletedSlug IS NOT NULL
                    """,
            "revisions", """
                    MATCH (a:Article)-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                    RETURN coalesce(a.deletedSlug, a.slug), r.n, r.title, r.message, r.at, p.id, r.markdown, r.lineAuthors
                    """,
            "contributions", """
                    MATCH (p:Person)-[c:CONTRIBUTED]->(a:Article)
                    RETURN p.id, coalesce(a.deletedSlug, a.slug), c.edits, round(c.share, 6), c.firstAt, c.lastAt,
                           c.added, c.removed
                    """,
            "people", """
                    MATCH (p:Person) WHERE EXISTS { (:GitIdentity)-[:IS]->(p) }
                    RETURN p.id, p.name, p.email, p.lastActiveAt
                    """,
            "identities", "MATCH (i:GitIdentity)-[:IS]->(p:Person) RETURN i.key, p.id",
            "tracked",
                    "MATCH (r:GitRepository)-[t:TRACKS]->(a:Article) RETURN r.lastCommit, t.path, coalesce(a.deletedSlug, a.slug)",
            "redirects", "MATCH (r:Redirect)-[:TO]->(a:Article) RETURN r.slug, coalesce(a.deletedSlug, a.slug)",
            "links", """
                    MATCH (a:Article)-[:LINKS_TO]->(b:Article) WHERE a.status = 'active' AND b.status = 'active'
                    RETURN coalesce(a.deletedSlug, a.slug), coalesce(b.deletedSlug, b.slug)
                    """,
            "skills", "MATCH (a:Article)-[:ABOUT]->(s:Skill) RETURN coalesce(a.deletedSlug, a.slug), s.key, s.name",
            "wroteAbout", """
                    MATCH (p:Person)-[w:WROTE_ABOUT]->(s:Skill)
                    RETURN p.id, s.key, round(w.share, 6), w.articles, w.lastAt
                    """);

    /**
     * What an import left, as sorted lines of text. Article ids are random, so articles go by slug
     * (a deleted one by the slug it had).
     */
    private static Map<String, List<String>> snapshot(Graph graph) {
        var lines = new java.util.TreeMap<String, List<String>>();
        QUERIES.forEach((name, query) -> lines.put(
                name,
                graph
                        .read(tx -> tx.run(query)
                                .list(r -> r.values().stream()
                                        .map(Object::toString)
                                        .collect(java.util.stream.Collectors.joining(" | "))))
                        .stream()
                        .sorted()
                        .toList()));
        return lines;
    }

    private static void wipe(TestLore.Running lore) {
        lore.lore().sync().resetWith(() -> TestLore.wipe(lore.lore().graph()));
    }

    private static GitImport importer(TestLore.Running lore, int batchCommits, int batchChanges, boolean oneByOne) {
        var builder = GitImport.builder(
                        lore.lore().articles(),
                        lore.lore().people(),
                        new GitImportStore(lore.lore().graph()),
                        Clock.systemUTC())
                .batches(batchCommits, batchChanges);
        return (oneByOne ? builder.oneByOne() : builder).build();
    }

    /** Imports {@code repository} one save at a time, then batched, and compares what each left. */
    private static void importBothWaysAndCompare(TestLore.Running lore, Path repository, int batchCommits) {
        wipe(lore);
        var reference = importer(lore, 500, 200, true).importRepository(repository, Progress.NONE);
        var expected = snapshot(lore.lore().graph());
        wipe(lore);
        // small batches, so articles are saved across several, and some several times in one
        var batched = importer(lore, batchCommits, 20, false).importRepository(repository, Progress.NONE);
        var actual = snapshot(lore.lore().graph());

        assertThat(batched).isEqualTo(reference);
        assertThat(expected.get("revisions")).hasSize(reference.revisions());
        assertThat(expected.get("contributions"))
                .as("lines added and removed are kept")
                .noneMatch(l -> l.contains("NULL"));
        expected.forEach((name, lines) -> assertThat(actual.get(name)).as(name).isEqualTo(lines));
    }

    @Test
    void aBatchedImportOfAGeneratedHistoryLeavesWhatSavingEachRevisionLeaves(TestLore.Running lore) {
        // adds, edits of a few lines (so line authors carry over), name and email variants
        Path repository = dir.resolve("docs.git");
        SyntheticGitRepository.generate(repository, 150, 20, 6, 7);

        importBothWaysAndCompare(lore, repository, 25);
    }

    @Test
    void aBatchedImportOfRenamesDeletesLinksAndSkillsLeavesWhatSavingEachRevisionLeaves(TestLore.Running lore) {
        var t0 = Instant.parse("2025-03-01T09:00:00Z");
        try (var repo = FixtureRepository.init(dir.resolve("docs-repo"))) {
            repo.write("kafka.md", "---\nskills: [Kafka]\ntags: [streaming]\n---\n# Kafka basics\n\nTopics.\nKeys.\n")
                    .write("welcome.md", "# Welcome\n\nRead [[Kafka basics]] and [[Setup]].\n")
                    .commit("Ana Silva", "ana@example.com", t0, "Start");
            repo.write(
                            "kafka.md",
                            "---\nskills: [Kafka]\ntags: [streaming]\n---\n# Kafka basics\n\nTopics.\nKeys.\nLag.\n")
                    .write("setup.md", "# Setup\n\nInstall.\n")
                    .commit("Ben Okoro", "ben@example.com", t0.plusSeconds(60), "Lag and setup");
            // a revert gives the lines back to who wrote them; a new title moves the page and leaves a redirect
            repo.write("kafka.md", "---\nskills: [Kafka, Streams]\n---\n# Kafka in depth\n\nTopics.\nKeys.\n")
                    .commit("Dee Park", "dee@example.com", t0.plusSeconds(120), "Retitle");
            repo.write(
                            "kafka.md",
                            "---\nskills: [Kafka]\ntags: [streaming]\n---\n# Kafka basics\n\nTopics.\nKeys.\nLag.\n")
                    .delete("setup.md")
                    .commit("Ana Silva", "ana@example.com", t0.plusSeconds(180), "Revert, drop setup");
            // the same path again makes a new page, which takes the freed slug
            repo.write("setup.md", "# Setup\n\nInstall it.\n[[Welcome]]\n")
                    .move("welcome.md", "start.md")
                    .commit("Ben Okoro", "ben@example.com", t0.plusSeconds(240), "Setup again");
            repo.write("start.md", "# Welcome\n\nRead [[Kafka basics]] and [[Setup]].\nAsk Ben.\n")
                    .write("setup.md", "# Setup\n\nInstall it.\n")
                    .commit("Dee Park", "dee@example.com", t0.plusSeconds(300), "Touch up");

            importBothWaysAndCompare(lore, repo.dir(), 2);
        }
    }

    @Test
    void aBatchedImportIsSearchableAndResumesWhereItStopped(TestLore.Running lore) {
        Path repository = dir.resolve("docs.git");
        SyntheticGitRepository.generate(repository, 120, 20, 4, 3);
        var first = importer(lore, 25, 20, false).importRepository(repository, Progress.NONE, 60);
        var rest = importer(lore, 25, 20, false).importRepository(repository, Progress.NONE);

        assertThat(first.commits() + rest.commits()).isEqualTo(120);
        lore.settle();
        long live = lore.lore().articles().count();
        assertThat(live).isPositive();
        String slug = lore.lore().articles().list(0, 1).getFirst().slug();
        assertThat(lore.http()
                        .get("/api/search?q=" + slug.split("-")[0])
                        .json()
                        .get("total")
                        .asInt())
                .isPositive();
    }
}
