package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.article.Revision;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
        assertThat(history.getFirst().markdown())
                .doesNotContain("author:")
                .doesNotContain("message:")
                .contains("title: Kafka basics");
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

        int written = new Export(lore.lore().articles()).exportTo(out, Progress.NONE);

        assertThat(written).isEqualTo(2);
        String kafka = Files.readString(out.resolve("kafka-basics.md"));
        assertThat(kafka)
                .startsWith("---\ntitle: \"Kafka basics\"\n")
                .contains("skills: [\"Kafka\"]")
                .endsWith("Topics.\n\nPartitions.\n");
        var reimport = lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);
        assertThat(reimport.created()).isZero();
        assertThat(lore.lore().articles().count()).isEqualTo(2);
    }
}
