package dev.lore.server.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.article.PageTree;
import dev.lore.server.article.PageTreeService;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders are the page tree: {@code foo/index.md} (or {@code foo.md} beside {@code foo/}) is the page
 * foo and what is in {@code foo/} are its children; numbered files in a folder are still one page's
 * revisions. Export writes the tree back as folders, and a round trip keeps it.
 */
@ExtendWith(TestLore.class)
class PageTreeFoldersIT {

    /** Each live page's parent slug ("" at the top level), from the JSON tree. */
    private static Map<String, String> tree(Http http) {
        var parents = new TreeMap<String, String>();
        for (JsonNode n : http.get("/api/tree").json().get("pages")) {
            parents.put(
                    n.get("slug").asText(),
                    n.path("parent").isNull() ? "" : n.path("parent").asText(""));
        }
        return parents;
    }

    private static void write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static PageTreeService treeOf(TestLore.Running lore) {
        return new PageTreeService(new PageTree(lore.lore().graph()));
    }

    @Test
    void importMapsFoldersToTheTreeAndKeepsRevisionFolders(TestLore.Running lore, Http http, @TempDir Path pack)
            throws IOException {
        write(pack, "engineering/index.md", "---\ntitle: Engineering\n---\nHome of engineering.\n");
        write(pack, "engineering/code-review.md", "Two approvals.\n");
        write(pack, "engineering/onboarding.md", "---\ntitle: Onboarding\n---\nStart here.\n");
        write(pack, "engineering/onboarding/laptop-setup/001.md", "---\ntitle: Laptop setup\n---\nFirst.\n");
        write(pack, "engineering/onboarding/laptop-setup/002.md", "---\ntitle: Laptop setup\n---\nSecond.\n");
        write(pack, "misc/notes.md", "Loose notes.\n");
        write(pack, "handbook.md", "How we work.\n");

        var result = lore.lore().importer().importFolder(pack, "admin", Optional.empty(), Progress.NONE);

        assertThat(result.created()).isEqualTo(6);
        assertThat(tree(http))
                .containsEntry("engineering", "")
                .containsEntry("code-review", "engineering")
                .containsEntry("onboarding", "engineering")
                .containsEntry("laptop-setup", "onboarding")
                .containsEntry("notes", "")
                .containsEntry("handbook", "");
        assertThat(lore.lore().articles().find("laptop-setup").article().revision())
                .isEqualTo(2);

        var again = lore.lore().importer().importFolder(pack, "admin", Optional.empty(), Progress.NONE);
        assertThat(again.unchanged()).isEqualTo(6);
    }

    @Test
    void aTreeSurvivesExportAndImportIntoAnEmptyLore(TestLore.Running lore, Http http, @TempDir Path out)
            throws IOException {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        for (var page : Map.of(
                        "Engineering", "",
                        "Onboarding", "engineering",
                        "Laptop setup", "onboarding",
                        "Code review", "engineering",
                        "Index", "engineering",
                        "2024", "handbook",
                        "Handbook", "")
                .entrySet()) {
            var r = http.post("/api/articles", Map.of("title", page.getKey(), "markdown", "About it."), carla);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        for (var move : Map.of(
                        "onboarding", "engineering",
                        "laptop-setup", "onboarding",
                        "code-review", "engineering",
                        "index", "engineering",
                        "2024", "handbook")
                .entrySet()) {
            var r = http.put("/api/articles/" + move.getKey() + "/parent", Map.of("parent", move.getValue()), carla);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Map<String, String> before = tree(http);

        int n = new Export(
                        lore.lore().articles(),
                        lore.lore().people(),
                        lore.lore().collections().all())
                .withTree(treeOf(lore))
                .exportTo(out, Progress.NONE);

        assertThat(n).isEqualTo(7);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> out.relativize(p).toString().replace('\\', '/'))
                            .filter(p -> p.endsWith(".md"))
                            .sorted()
                            .toList())
                    .containsExactly(
                            "engineering/code-review.md",
                            "engineering/index.md",
                            "engineering/index/index.md",
                            "engineering/onboarding/index.md",
                            "engineering/onboarding/laptop-setup.md",
                            "handbook/2024.md",
                            "handbook/index.md");
        }

        lore.lore().sync().resetWith(() -> TestLore.wipe(lore.lore().graph()));
        dev.lore.server.LoreAccess.ensureAdmin(lore.lore());
        var result = lore.lore().importer().importFolder(out, "admin", Optional.empty(), Progress.NONE);

        assertThat(result.created()).isEqualTo(7);
        assertThat(tree(http)).isEqualTo(before);
    }

    @Test
    void theDownloadedPackKeepsTheTreeAmongTheChosenPages(TestLore.Running lore, Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        for (String title : java.util.List.of("Engineering", "Onboarding", "Laptop setup")) {
            assertThat(http.post("/api/articles", Map.of("title", title, "markdown", "About it."), carla)
                            .status())
                    .isEqualTo(201);
        }
        http.put("/api/articles/onboarding/parent", Map.of("parent", "engineering"), carla);
        http.put("/api/articles/laptop-setup/parent", Map.of("parent", "onboarding"), carla);
        String champion = lore.person("cy.champion", "Cy Champion", "Enablement", dev.lore.server.auth.Role.CHAMPION);

        var zip = PackFiles.send(
                http.base(),
                "GET",
                "/api/seed-packs/export?slug=engineering&slug=laptop-setup",
                null,
                Map.of("Authorization", "Bearer " + champion));

        assertThat(PackFiles.unzip(zip.body()).keySet())
                .as("laptop-setup's parent is not in the pack, so it stands alone")
                .contains("engineering.md", "laptop-setup.md");
        var nested = PackFiles.send(
                http.base(),
                "GET",
                "/api/seed-packs/export?slug=engineering&slug=onboarding&slug=laptop-setup",
                null,
                Map.of("Authorization", "Bearer " + champion));
        assertThat(PackFiles.unzip(nested.body()).keySet())
                .contains(
                        "engineering/index.md",
                        "engineering/onboarding/index.md",
                        "engineering/onboarding/laptop-setup.md");
    }
}
