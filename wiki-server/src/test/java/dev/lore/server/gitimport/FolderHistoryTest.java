package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.gitimport.Mailmap.Identity;
import dev.lore.server.support.FixtureRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines-added truth of {@code eval-experts}, read from Git alone. */
class FolderHistoryTest {
    private static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");
    private static final Identity ANA = new Identity("Ana Silva", "ana@example.com");
    private static final Identity BEN = new Identity("Ben Okoro", "ben@example.com");
    private static final Identity CEM = new Identity("Cem Yilmaz", "cem@example.com");

    @TempDir
    Path dir;

    @Test
    void countsLinesEverAddedToTheFilesAFolderHoldsFollowingRenamesAndForgettingDeletedFiles() {
        try (var repo = FixtureRepository.init(dir.resolve("repo"))) {
            repo.write("drafts/kafka.md", "# Kafka\n\nTopics.\nPartitions.\n\n")
                    .write("drafts/gone.md", "# Gone\n\nSoon deleted.\n")
                    .commit(ANA.name(), ANA.email(), T0, "Start");
            // ben rewrites one line and adds one: two added, though ana's line is gone
            repo.write("drafts/kafka.md", "# Kafka\n\nTopics and keys.\nPartitions.\nOffsets.\n")
                    .commit(BEN.name(), BEN.email(), T0.plusSeconds(60), "More");
            // cem moves the page without changing it and deletes the other
            repo.move("drafts/kafka.md", "guides/kafka.md")
                    .delete("drafts/gone.md")
                    .commit(CEM.name(), CEM.email(), T0.plusSeconds(120), "Move");

            FolderHistory.Added added = FolderHistory.read(repo.dir(), Integer.MAX_VALUE);

            assertThat(added.folders()).containsOnlyKeys("guides");
            assertThat(added.folders().get("guides")).isEqualTo(Map.of(ANA, 3, BEN, 2));
            assertThat(added.commits()).containsExactly(Map.entry(ANA, 1), Map.entry(BEN, 1), Map.entry(CEM, 1));
        }
    }
}
