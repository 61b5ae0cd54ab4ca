package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.article.Revision;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.FixtureRepository;
import dev.lore.server.support.TestLore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestLore.class)
class GitImportIT {
    private static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");

    @TempDir
    Path dir;

    private static Instant day(int n) {
        return T0.plus(Duration.ofDays(n));
    }

    private static GitImport importer(TestLore.Running lore) {
        return GitImport.builder(
                        lore.lore().articles(),
                        lore.lore().people(),
                        new GitImportStore(lore.lore().graph()),
                        Clock.systemUTC())
                .build();
    }

    private static final String KAFKA = """
            ---
            title: Kafka basics
            tags: [kafka, streaming]
            skills: [Kafka]
            ---
            Topics and partitions.
            Keys decide the partition.
            Retention is per topic.
            """;

    /**
     * Eleven first-parent commits by four people under seven identities: a name variant, an email
     * variant, a .mailmap entry, accents; edits, a rename with an edit, a delete, a non-Markdown
     * file, a line-ending-only change and a merged branch.
     */
    private FixtureRepository givenARepository() {
        var repo = FixtureRepository.init(dir.resolve("docs-repo"));
        repo.write("docs/welcome.md", "# Welcome\n\nHello and welcome.\n")
                .write("notes.txt", "not Markdown\n")
                .write(".mailmap", "# Ben's old address\nBen Okoro <ben@example.com> <ben@old-company.com>\n")
                .commit(
                        "Ana Silva",
                        "ana.silva@example.com",
                        day(1),
                        "Add the welcome page\n\nA body, not the message.");
        repo.write("docs/kafka.md", KAFKA)
                .write("docs/welcome.md", "# Welcome\n\nHello and welcome.\n\nRead [[Kafka basics]].\n")
                .commit("bokoro", "ben@old-company.com", day(2), "Add Kafka basics");
        repo.write("guides/setup-guide.md", "No heading here, just steps.\n\n1. Install.\n")
                .commit("José Núñez", "jose@example.com", day(3), "Setup guide");
        repo.write("docs/kafka.md", KAFKA + "Consumer groups share the work.\n")
                .write("notes.txt", "still not Markdown\n")
                .commit("Ana Silva", "ana@laptop.local", day(4), "Kafka: consumer groups");
        repo.write("guides/setup-guide.md", "No heading here, just steps.\n\n1. Install.\n2. Run.\n")
                .commit("Jose  Nunez", "jnunez@example.com", day(5), "More setup steps");
        repo.write("guides/setup-guide.md", "No heading here, just steps.\n\n1. Install it.\n2. Run.\n")
                .commit("José Núñez", "jose@example.com", day(5).plusSeconds(3600), "Fix typo");
        repo.move("docs/kafka.md", "docs/streaming/kafka.md")
                .write("docs/streaming/kafka.md", KAFKA + "Consumer groups share the work.\nOffsets are per group.\n")
                .commit("Dee Park", "dee@example.com", day(6), "Move Kafka under streaming");
        repo.delete("guides/setup-guide.md").commit("Ben Okoro", "ben@example.com", day(7), "Drop the setup guide");
        repo.write("notes.txt", "notes only\n").commit("Ana Silva", "ana.silva@example.com", day(8), "Notes only");
        repo.write("docs/welcome.md", "# Welcome\r\n\r\nHello and welcome.\r\n\r\nRead [[Kafka basics]].\r\n")
                .commit("Ana Silva", "ana.silva@example.com", day(9), "Windows line endings");
        repo.checkout("feature", true);
        repo.write("docs/welcome.md", "# Welcome\n\nHello and welcome.\n\nRead [[Kafka basics]].\n\nAsk Dee.\n")
                .commit("Dee Park", "dee@example.com", day(10), "Mention Dee");
        repo.checkout("main", false);
        repo.merge("feature", "Ben Okoro", "ben@example.com", day(11), "Merge branch 'feature'");
        return repo;
    }

    private static List<String> authors(List<Revision> revisions) {
        return revisions.stream().map(r -> r.author().id()).toList();
    }

    @Test
    void importsEveryCommitAsARevisionByItsAuthor(TestLore.Running lore) {
        try (var repo = givenARepository()) {
            var progress = new ArrayList<String>();
            var result = importer(lore)
                    .importRepository(repo.dir(), (done, total, what) -> progress.add(done + "/" + total));

            assertThat(result.commits()).isEqualTo(11);
            assertThat(result.created()).isEqualTo(3);
            assertThat(result.revisions()).isEqualTo(9);
            assertThat(result.deleted()).isEqualTo(1);
            assertThat(result.people()).isEqualTo(4);
            assertThat(result.skipped()).isZero();
            assertThat(progress).last().isEqualTo("11/11");
            assertThat(result.summary()).startsWith("Imported 11 commits").contains("9 revisions");

            var articles = lore.lore().articles();
            // First-parent history: the merge is one revision by whoever merged; the CRLF-only commit is none.
            List<Revision> welcome = articles.revisions("welcome");
            assertThat(authors(welcome)).containsExactly("ben", "ben", "ana.silva");
            assertThat(welcome)
                    .extracting(Revision::message)
                    .containsExactly("Merge branch 'feature'", "Add Kafka basics", "Add the welcome page");
            assertThat(welcome).extracting(Revision::at).containsExactly(day(11), day(2), day(1));
            assertThat(articles.find("welcome").article().markdown()).endsWith("Ask Dee.\n");
            assertThat(articles.page("kafka-basics").backlinks())
                    .extracting(b -> b.slug())
                    .containsExactly("welcome");

            // The rename with an edit is the same article's third revision; front matter sets title, tags, skills.
            var kafka = articles.find("kafka-basics").article();
            assertThat(kafka.tags()).containsExactly("kafka", "streaming");
            assertThat(kafka.skills()).containsExactly("Kafka");
            assertThat(kafka.markdown()).endsWith("Offsets are per group.\n");
            List<Revision> kafkaHistory = articles.revisions("kafka-basics");
            assertThat(authors(kafkaHistory)).containsExactly("dee", "ana.silva", "ben");
            assertThat(kafkaHistory.getFirst().message()).isEqualTo("Move Kafka under streaming");
            assertThat(kafkaHistory.getFirst().at()).isEqualTo(day(6));

            // No heading and no front matter title: the file name is the title. Deleted in commit 7.
            assertThatThrownBy(() -> articles.find("setup-guide")).isInstanceOf(NotFoundException.class);
            var gone = lore.lore().graph().read(tx -> tx.run("""
                                    MATCH (a:Article {deletedSlug: 'setup-guide'})
                                    RETURN a.title AS title, a.revision AS revision, a.deletedBy AS by,
                                           a.deletedAt AS at, [(a)-[:HAS_REVISION]->(r)-[:BY]->(p) | p.id] AS authors
                                    """).single());
            assertThat(gone.get("title").asString()).isEqualTo("setup guide");
            assertThat(gone.get("revision").asInt()).isEqualTo(3);
            assertThat(gone.get("by").asString()).isEqualTo("ben");
            assertThat(gone.get("at").asZonedDateTime().toInstant()).isEqualTo(day(7));
            assertThat(gone.get("authors").asList(v -> v.asString())).containsOnly("jose");

            assertThat(articles.count()).isEqualTo(2);
        }
    }

    @Test
    void mergesAuthorIdentitiesIntoPeopleWhoCannotSignIn(TestLore.Running lore) {
        try (var repo = givenARepository()) {
            importer(lore).importRepository(repo.dir(), Progress.NONE);

            var people = lore.lore().people();
            assertThat(people.list())
                    .extracting(Person::id)
                    .containsExactlyInAnyOrder(
                            "admin", "carla.contrib", "rudi.reader", "ana.silva", "ben", "jose", "dee");
            // Two emails, one name: the most used email gives the id.
            assertThat(people.get("ana.silva").email()).isEqualTo("ana.silva@example.com");
            // The .mailmap maps the old address and the short name to the proper identity.
            assertThat(people.get("ben").name()).isEqualTo("Ben Okoro");
            assertThat(people.get("ben").email()).isEqualTo("ben@example.com");
            // Accents and spacing differ, the name is the same: most commits decide how it is written.
            assertThat(people.get("jose").name()).isEqualTo("José Núñez");
            assertThat(people.get("dee").role()).isEqualTo("contributor");
            var credentials = new PersonStore(lore.lore().graph());
            assertThat(credentials.credentials("ben")).isEmpty();
            assertThat(credentials.credentials("ana.silva")).isEmpty();
        }
    }

    @Test
    void reRunningImportsOnlyNewCommitsAndFollowsRenames(TestLore.Running lore) {
        try (var repo = givenARepository()) {
            importer(lore).importRepository(repo.dir(), Progress.NONE);
            var articles = lore.lore().articles();
            long peopleBefore = lore.lore().people().count();

            repo.write(
                            "docs/welcome.md",
                            "# Welcome\n\nHello and welcome.\n\nRead [[Kafka basics]].\n\nAsk Dee or Ana.\n")
                    .commit("Ana Silva", "ana.silva@example.com", day(20), "Welcome: name Ana too");
            // A pure rename (no revision) by an existing Lore account found through its email, and a new page.
            repo.move("docs/streaming/kafka.md", "docs/kafka-intro.md")
                    .write("docs/faq.md", "Intro line.\n\nFAQ\n===\n\nAsk.\n")
                    .commit("Carla C", "CARLA@example.test", day(21), "Reorganise");
            repo.write("docs/kafka-intro.md", KAFKA + "Consumer groups share the work.\nOffsets are per group.\nLag.\n")
                    .commit("B. Okoro", "ben@example.com", day(22), "Kafka: lag");

            var second = importer(lore).importRepository(repo.dir(), Progress.NONE);

            assertThat(second.commits()).isEqualTo(3);
            assertThat(second.revisions()).isEqualTo(3);
            assertThat(second.created()).isEqualTo(1);
            assertThat(second.updated()).isEqualTo(2);
            assertThat(second.people()).isZero();
            assertThat(lore.lore().people().count()).isEqualTo(peopleBefore);
            assertThat(authors(articles.revisions("welcome"))).containsExactly("ana.silva", "ben", "ben", "ana.silva");
            assertThat(authors(articles.revisions("kafka-basics"))).containsExactly("ben", "dee", "ana.silva", "ben");
            assertThat(articles.revisions("kafka-basics").getFirst().at()).isEqualTo(day(22));
            // A setext heading is a title too.
            assertThat(authors(articles.revisions("faq"))).containsExactly("carla.contrib");
            assertThat(articles.count()).isEqualTo(3);

            long seq = new ArticleStore(lore.lore().graph()).currentSeq();
            var third = importer(lore).importRepository(repo.dir(), Progress.NONE);
            assertThat(third.commits()).isZero();
            assertThat(third.revisions()).isZero();
            assertThat(third.summary()).startsWith("Nothing new to import");
            assertThat(new ArticleStore(lore.lore().graph()).currentSeq()).isEqualTo(seq);
        }
    }

    @Test
    void anInterruptedImportKeepsWholeBatchesAndTheNextRunResumes(TestLore.Running lore) {
        try (var repo = givenARepository()) {
            var graph = lore.lore().graph();
            // Two commits per transaction; the import dies while the fourth batch (commits 7 and 8) runs.
            var small = GitImport.builder(
                            lore.lore().articles(), lore.lore().people(), new GitImportStore(graph), Clock.systemUTC())
                    .batches(2, 100)
                    .build();
            assertThatThrownBy(() -> small.importRepository(repo.dir(), (done, total, what) -> {
                        if (done == 7) {
                            throw new IllegalStateException("interrupted");
                        }
                    }))
                    .hasMessage("interrupted");

            var articles = lore.lore().articles();
            assertThat(articles.revisions("kafka-basics")).hasSize(2); // the rename in commit 7 rolled back
            assertThat(articles.find("setup-guide").article().revision()).isEqualTo(3);
            // Committed batches are searchable.
            assertThat(lore.http()
                            .get("/api/search?q=partitions")
                            .json()
                            .get("total")
                            .asInt())
                    .isEqualTo(1);

            var rest = small.importRepository(repo.dir(), Progress.NONE);

            assertThat(rest.commits()).isEqualTo(5);
            assertThat(rest.people()).isZero();
            assertThat(authors(articles.revisions("welcome"))).containsExactly("ben", "ben", "ana.silva");
            assertThat(authors(articles.revisions("kafka-basics"))).containsExactly("dee", "ana.silva", "ben");
            assertThatThrownBy(() -> articles.find("setup-guide")).isInstanceOf(NotFoundException.class);
            assertThat(articles.count()).isEqualTo(2);
            int revisions = graph.read(tx -> tx.run("MATCH (r:Revision) RETURN count(r) AS n")
                    .single()
                    .get("n")
                    .asInt());
            assertThat(revisions).isEqualTo(9);
        }
    }

    @Test
    void aRewrittenHistoryIsRefusedWithAClearMessage(TestLore.Running lore) throws Exception {
        try (var repo = givenARepository()) {
            importer(lore).importRepository(repo.dir(), Progress.NONE);
            try (Git git = Git.open(repo.dir().toFile())) {
                git.commit()
                        .setAmend(true)
                        .setMessage("Rewritten")
                        .setSign(false)
                        .call();
            }

            assertThatThrownBy(() -> importer(lore).importRepository(repo.dir(), Progress.NONE))
                    .isInstanceOf(GitImportException.class)
                    .hasMessageContaining("is no longer in the history of main");
        }
    }

    @Test
    void aFolderThatIsNoRepositoryOrHasNoCommitsIsRefused(TestLore.Running lore) throws Exception {
        Path plain = Files.createDirectories(dir.resolve("plain"));
        assertThatThrownBy(() -> importer(lore).importRepository(plain, Progress.NONE))
                .isInstanceOf(GitImportException.class)
                .hasMessageStartingWith("not a Git repository: ");
        assertThatThrownBy(() -> importer(lore).importRepository(dir.resolve("missing"), Progress.NONE))
                .isInstanceOf(GitImportException.class)
                .hasMessageStartingWith("not a folder: ");
        FixtureRepository.init(dir.resolve("empty")).close();
        assertThatThrownBy(() -> importer(lore).importRepository(dir.resolve("empty"), Progress.NONE))
                .isInstanceOf(GitImportException.class)
                .hasMessageEndingWith("has no commits yet");
        assertThat(lore.lore().articles().count()).isZero();
    }

    @Test
    void theCommandLineSaysWhatIsWrongWithoutAStackTrace() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("not-a-repo"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "dev.lore.server.Main",
                        "import",
                        "--git",
                        plain.toString())
                .redirectErrorStream(true)
                .start();
        // a guard against a hung child, not a measure: a cold JVM on a busy machine is slow to start
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output.strip())
                .isEqualTo("lore: not a Git repository: " + plain.toAbsolutePath()
                        + " (give the folder that holds .git, or a bare repository)");
    }

    @Test
    void aBareRepositoryImportsToo(TestLore.Running lore) throws Exception {
        try (var repo = givenARepository()) {
            Path bare = dir.resolve("bare.git");
            Git.cloneRepository()
                    .setURI(repo.dir().toUri().toString())
                    .setDirectory(bare.toFile())
                    .setBare(true)
                    .call()
                    .close();

            var result = importer(lore).importRepository(bare, Progress.NONE);

            assertThat(result.commits()).isEqualTo(11);
            assertThat(lore.lore().articles().count()).isEqualTo(2);
        }
    }
}
