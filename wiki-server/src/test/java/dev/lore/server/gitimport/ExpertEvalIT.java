package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.eval.ExpertEval;
import dev.lore.server.seed.Progress;
import dev.lore.server.support.FixtureRepository;
import dev.lore.server.support.TestLore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The expert-finding evaluation ({@code eval-experts}) on a small repository whose experts are known. */
@ExtendWith(TestLore.class)
class ExpertEvalIT {
    private static final Instant T0 = Instant.parse("2025-01-01T09:00:00Z");
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Three topic folders, each mostly written by one person, plus two folders that are no topic. */
    private static final Map<String, String> OWNER = Map.of(
            "handbook/kafka-streams", "Ana Silva",
            "handbook/postgres_tuning", "Ben Okoro",
            "docs/kubernetes", "Chen Wei");

    private static final List<String> MINORS = List.of("Dan Brown", "Eve Adams", "Fay Lund", "Gus Moreau");

    @TempDir
    Path dir;

    private int clock;

    private Instant next() {
        return T0.plus(Duration.ofHours(++clock));
    }

    private static String email(String name) {
        return name.toLowerCase().replace(' ', '.') + "@example.com";
    }

    private static String words(String folder) {
        return folder.replaceAll("[/_-]", " ");
    }

    private String body(String folder, int file, String name, int lines) {
        var text = new StringBuilder("# " + words(folder) + " part " + file + "\n\n");
        for (int i = 1; i <= lines; i++) {
            text.append("About ")
                    .append(words(folder))
                    .append(": note ")
                    .append(i)
                    .append(" by ")
                    .append(name)
                    .append(".\n");
        }
        return text.toString();
    }

    /**
     * Each topic folder: its owner writes five pages of twelve lines, four people add a line or two
     * each, and a tireless typo fixer (most commits overall, few lasting lines) touches every page.
     * Dan commits under two identities that the import merges.
     */
    private Path givenARepository() {
        try (var repo = FixtureRepository.init(dir.resolve("docs-repo"))) {
            var texts = new java.util.HashMap<String, String>();
            repo.write("README.md", "# Docs\n\nRead me.\n").commit("Ana Silva", email("Ana Silva"), next(), "Readme");
            for (var topic : OWNER.entrySet()) {
                String folder = topic.getKey();
                String owner = topic.getValue();
                for (int f = 1; f <= 5; f++) {
                    String path = folder + "/page-" + f + ".md";
                    texts.put(path, body(folder, f, owner, 12));
                    repo.write(path, texts.get(path)).commit(owner, email(owner), next(), "Page " + f);
                }
                for (int m = 0; m < MINORS.size(); m++) {
                    String name = MINORS.get(m);
                    String path = folder + "/page-" + (m + 1) + ".md";
                    texts.put(path, texts.get(path) + "Also " + words(folder) + " from " + name + ".\n");
                    String mail =
                            name.startsWith("Dan") && folder.startsWith("docs") ? "dan@laptop.local" : email(name);
                    repo.write(path, texts.get(path)).commit(name, mail, next(), "Add a line");
                }
            }
            for (int round = 0; round < 3; round++) {
                for (String path : texts.keySet().stream().sorted().toList()) {
                    texts.put(path, texts.get(path) + "See also " + round + ".\n");
                    repo.write(path, texts.get(path)).commit("Tim Typo", email("Tim Typo"), next(), "See also");
                }
            }
            // Five pages by two people: not enough authors to be a topic.
            for (int f = 1; f <= 5; f++) {
                String who = f % 2 == 0 ? "Ana Silva" : "Ben Okoro";
                repo.write("drafts/note-" + f + ".md", body("drafts/misc", f, who, 4))
                        .commit(who, email(who), next(), "Draft");
            }
            return repo.dir();
        }
    }

    @Test
    void findsTheFoldersAsTopicsAndLoreBeatsTheMostActiveBaseline(TestLore.Running lore) {
        Path repo = givenARepository();

        ExpertEval.Result r = ExpertEval.run(lore.lore(), repo, Integer.MAX_VALUE, Progress.NONE, QUIET);

        assertThat(r.commits()).isEqualTo(1 + 3 * (5 + 4) + 3 * 15 + 5);
        Map<String, String> queries =
                r.topics().stream().collect(Collectors.toMap(ExpertEval.Topic::folder, ExpertEval.Topic::query));
        assertThat(queries)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "handbook/kafka-streams", "handbook kafka streams",
                        "handbook/postgres_tuning", "handbook postgres tuning",
                        "docs/kubernetes", "kubernetes"));
        for (ExpertEval.Topic t : r.topics()) {
            String owner = email(OWNER.get(t.folder())).replace("@example.com", "");
            Map<String, Double> blame = t.truths().get(0);
            Map<String, Double> added = t.truths().get(1);
            // truth: owner first with most lines; owner, four helpers and Tim, Dan's identities merged
            assertThat(blame.keySet()).first().isEqualTo(owner);
            assertThat(blame.get(owner)).isGreaterThan(0.6);
            assertThat(blame).hasSize(6).containsKey("tim.typo").containsKey("dan.brown");
            // lines added: the same people; the owner's 65 lines, Tim's 15 "see also" lines, one each for the helpers
            assertThat(added.keySet()).containsExactlyInAnyOrderElementsOf(blame.keySet());
            assertThat(added).containsEntry(owner, 65 / 84.0).containsEntry("tim.typo", 15 / 84.0);
            assertThat(added.keySet()).first().isEqualTo(owner);
            assertThat(t.files()).isEqualTo(5);
            // Lore and the document model put the owner first; the most active list starts with Tim for every topic
            assertThat(t.rankings().get(0)).first().isEqualTo(owner);
            assertThat(t.rankings().get(1)).first().isEqualTo(owner);
            assertThat(t.rankings().get(2)).first().isEqualTo("tim.typo");
        }
        double[] ndcg = r.ndcg()[0];
        double[] p5 = r.precision()[0];
        assertThat(ndcg[0]).isGreaterThan(0.9).isGreaterThan(ndcg[2]);
        assertThat(ndcg[0]).isGreaterThanOrEqualTo(ndcg[3]);
        assertThat(r.ndcg()[1][0]).isGreaterThan(0.9);
        assertThat(p5[0]).isBetween(0.0, 1.0);
        // the most active authors overall include the three owners and Tim: at most 4 of 5 relevant
        assertThat(p5[2]).isLessThanOrEqualTo(0.8);
        // nine identities (Dan under two emails) became eight people
        assertThat(r.identities().identities()).isEqualTo(9);
        assertThat(r.identities().people()).isEqualTo(8);
        assertThat(r.identities().largest()).singleElement().satisfies(m -> {
            assertThat(m.person()).isEqualTo("dan.brown");
            assertThat(m.identities().keySet())
                    .extracting(i -> i.email())
                    .containsExactlyInAnyOrder("dan.brown@example.com", "dan@laptop.local");
        });
    }

    @Test
    void metricsFollowTheirDefinitions() {
        Map<String, Double> truth = Map.of("a", 0.7, "b", 0.2, "c", 0.06, "d", 0.04);
        assertThat(ExpertEval.ndcgAt(List.of("a", "b", "c", "d"), truth, 10)).isEqualTo(1.0);
        assertThat(ExpertEval.ndcgAt(List.of("x", "y"), truth, 10)).isZero();
        assertThat(ExpertEval.ndcgAt(List.of("b", "a"), truth, 10))
                .isLessThan(ExpertEval.ndcgAt(List.of("a", "b"), truth, 10));
        // relevant: share >= 0.05; always divided by 5
        assertThat(ExpertEval.precisionAt(List.of("a", "d", "c"), truth, 5)).isEqualTo(0.4);
        assertThat(ExpertEval.query("content/en/functions/strings")).isEqualTo("functions strings");
        assertThat(ExpertEval.query("docs/getting-started/quick_start.v2")).isEqualTo("getting started quick start v2");
    }
}
