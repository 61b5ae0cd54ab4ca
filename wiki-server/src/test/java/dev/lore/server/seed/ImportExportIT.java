package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.Revision;
import dev.lore.server.auth.Role;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestLore.class)
class ImportExportIT {
    @TempDir
    Path folder;

    private void write(String relative, String text) throws IOException {
        Path file = folder.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void givenAPack() throws IOException {
        write("people.json", """
                [{"id": "ana.silva", "name": "Ana Silva", "team": "Platform", "role": "contributor",
                  "skills": [{"name": "Kafka", "level": "expert"}], "wantsToLearn": ["Rust"]},
                 {"id": "ben.okoro", "name": "Ben Okoro", "team": "Data", "role": "champion"}]
                """);
        write(
                "welcome.md",
                "---\ntitle: Welcome\ntags: [onboarding]\nauthor: ben.okoro\n---\nStart with [[Kafka basics]].\n");
        write(
                "kafka-basics/001.md",
                "---\ntitle: Kafka basics\nskills: [Kafka]\nauthor: ana.silva\ndate: 2025-01-10T09:00:00Z\nmessage: First draft\n---\nTopics.\n");
        write(
                "kafka-basics/002.md",
                "---\ntitle: Kafka basics\nskills: [Kafka]\nauthor: ben.okoro\ndate: 2025-02-01T09:00:00Z\nmessage: Add partitions\n---\nTopics.\n\nPartitions.\n");
    }

    @Test
    void importsPeopleArticlesAndRevisionHistories(TestLore.Running lore) throws IOException {
        givenAPack();

        var result = lore.lore().importer().importFolder(folder, "admin", Optional.of("pack-password"), Progress.NONE);

        assertThat(result.people()).isEqualTo(2);
        assertThat(result.created()).isEqualTo(2);
        List<Revision> history = lore.lore().articles().revisions("kafka-basics");
        assertThat(history).extracting(r -> r.author().id()).containsExactly("ben.okoro", "ana.silva");
        assertThat(history).extracting(Revision::message).containsExactly("Add partitions", "First draft");
        assertThat(history.getLast().at()).isEqualTo(Instant.parse("2025-01-10T09:00:00Z"));
        // front matter is metadata: the stored text is what follows it
        assertThat(history.getFirst().markdown()).isEqualTo("Topics.\n\nPartitions.\n");
        assertThat(lore.lore().articles().find("kafka-basics").article().skills())
                .containsExactly("Kafka");
        assertThat(lore.lore().articles().find("welcome").article().tags()).containsExactly("onboarding");
        assertThat(lore.lore().articles().page("kafka-basics").backlinks())
                .extracting(b -> b.slug())
                .containsExactly("welcome");
        assertThat(lore.lore().people().skills("ana.silva"))
                .extracting(s -> s.name() + ":" + s.level())
                .containsExactly("Kafka:expert");
        assertThat(lore.http().login("ana.silva", "pack-password")).isNotBlank();
        assertThat(lore.http()
                        .get("/api/search?q=partitions")
                        .json()
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void reimportingUpdatesInsteadOfDuplicating(TestLore.Running lore) throws IOException {
        givenAPack();
        lore.lore().importer().importFolder(folder, "admin", Optional.empty(), Progress.NONE);

        var again = lore.lore().importer().importFolder(folder, "admin", Optional.empty(), Progress.NONE);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);

        write(
                "welcome.md",
                "---\ntitle: Welcome\ntags: [onboarding]\nauthor: ben.okoro\n---\nStart here, then [[Kafka basics]].\n");
        var changed = lore.lore().importer().importFolder(folder, "admin", Optional.empty(), Progress.NONE);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(lore.lore().articles().count()).isEqualTo(2);
        assertThat(lore.lore().articles().find("welcome").article().revision()).isEqualTo(2);
    }

    @Test
    void exportWritesMarkdownThatReimportsUnchanged(TestLore.Running lore, @TempDir Path out) throws IOException {
        givenAPack();
        lore.lore().importer().importFolder(folder, "admin", Optional.empty(), Progress.NONE);

        int written = export(lore, out);

        assertThat(written).isEqualTo(2);
        String kafka = Files.readString(out.resolve("kafka-basics.md"));
        assertThat(kafka)
                .startsWith("---\ntitle: \"Kafka basics\"\n")
                .contains("skills: [\"Kafka\"]")
                .contains("author: \"ben.okoro\"")
                .contains("date: \"2025-02-01T09:00:00Z\"")
                .endsWith("\n---\nTopics.\n\nPartitions.\n");
        var reimport = lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);
        assertThat(reimport.created()).isZero();
        assertThat(lore.lore().articles().count()).isEqualTo(2);
    }

    private static int export(TestLore.Running lore, Path out) {
        return new Export(
                        lore.lore().articles(),
                        lore.lore().people(),
                        lore.lore().collections().all())
                .exportTo(out, Progress.NONE);
    }

    /** What a round trip must keep of an article: its text byte for byte, metadata and credit. */
    private record Page(
            String markdown,
            String title,
            List<String> tags,
            List<String> skills,
            Optional<String> owner,
            String author,
            String authorName,
            Instant at) {}

    private static Map<String, Page> pages(TestLore.Running lore) {
        var pages = new TreeMap<String, Page>();
        for (var summary : lore.lore().articles().list(0, 200)) {
            Article a = lore.lore().articles().find(summary.slug()).article();
            Revision current = lore.lore().articles().revision(a.slug(), a.revision());
            pages.put(
                    a.slug(),
                    new Page(
                            a.markdown(),
                            a.title(),
                            a.tags(),
                            a.skills(),
                            a.owner(),
                            current.author().id(),
                            current.author().name(),
                            current.at()));
        }
        return pages;
    }

    @Test
    void exportThenImportIntoAnEmptyStoreKeepsTextOwnersAndAuthors(TestLore.Running lore, @TempDir Path out)
            throws IOException {
        givenAPack();
        lore.lore().importer().importFolder(folder, "admin", Optional.empty(), Progress.NONE);
        String carla = lore.http().login("carla.contrib", TestLore.PASSWORD);
        String dana = lore.person("dana.ops", "Dana Ops", "Operations", Role.CONTRIBUTOR);
        for (var body : List.of(
                Map.of("title", "Windows notes", "markdown", "Line one.\r\nLine two.\r\n", "owner", "carla.contrib"),
                Map.of(
                        "title",
                        "Its own front matter",
                        "markdown",
                        "---\ntitle: Its own front matter\ntags: [ops]\n---\n# Runbook\n"),
                Map.of(
                        "title",
                        "No final newline",
                        "markdown",
                        "Trailing spaces   \n\n\nand Zoë ✓",
                        "tags",
                        List.of("Ops", "misc")),
                Map.of("title", "Looks like a rule", "markdown", "---\n\nAfter a rule.\n"))) {
            assertThat(lore.http().post("/api/articles", body, carla).status()).isEqualTo(201);
        }
        assertThat(lore.http()
                        .put(
                                "/api/articles/windows-notes",
                                Map.of("markdown", "Line one.\r\nLine two, edited.\r\n", "baseRevision", 1),
                                dana)
                        .status())
                .isEqualTo(200);
        Map<String, Page> before = pages(lore);

        export(lore, out);
        lore.lore().sync().resetWith(() -> TestLore.wipe(lore.lore().graph()));
        dev.lore.server.LoreAccess.ensureAdmin(lore.lore());
        var result = lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);

        assertThat(result.created()).isEqualTo(before.size());
        assertThat(result.skipped()).isEmpty();
        assertThat(pages(lore)).isEqualTo(before);
        // the owners and authors came back as people, with their names; nobody else did
        assertThat(lore.lore().people().find("dana.ops").map(p -> p.name())).contains("Dana Ops");
        assertThat(lore.lore().people().list())
                .extracting(p -> p.id())
                .contains("admin", "ben.okoro", "carla.contrib", "dana.ops")
                .doesNotContain("rudi.reader");
    }
}
