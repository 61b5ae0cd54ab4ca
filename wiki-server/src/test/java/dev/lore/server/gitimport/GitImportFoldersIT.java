package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.graph.article.PageTree;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.article.PageTreeService;
import dev.lore.server.support.FixtureRepository;
import dev.lore.server.support.TestLore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A repository's folders become the page tree, and a later commit that moves a file moves the page. */
@ExtendWith(TestLore.class)
class GitImportFoldersIT {
    @TempDir
    Path dir;

    private static Optional<String> parentOf(PageTreeService tree, String slug) {
        return tree.place(slug).parent().map(PageTree.Node::slug);
    }

    @Test
    void foldersBecomeParentsAndMovesFollowTheRepository(TestLore.Running lore) {
        var tree = new PageTreeService(new PageTree(lore.lore().graph()));
        var importer = GitImport.builder(
                        lore.lore().articles(),
                        lore.lore().people(),
                        new GitImportStore(lore.lore().graph()),
                        Clock.systemUTC())
                .tree(tree)
                .build();
        var repo = FixtureRepository.init(dir.resolve("wiki"));
        repo.write("engineering/index.md", "# Engineering\n\nHome.\n")
                .write("engineering/code-review.md", "# Code review\n\nTwo approvals.\n")
                .write("engineering/onboarding.md", "# Onboarding\n\nStart here.\n")
                .write("engineering/onboarding/laptop-setup.md", "# Laptop setup\n\nThe JDK.\n")
                .write("misc/notes.md", "# Notes\n\nLoose.\n")
                .commit("Ana Silva", "ana@example.com", Instant.parse("2025-01-01T09:00:00Z"), "Pages");

        importer.importRepository(repo.dir(), dev.lore.server.seed.Progress.NONE);

        assertThat(parentOf(tree, "engineering")).isEmpty();
        assertThat(parentOf(tree, "code-review")).hasValue("engineering");
        assertThat(parentOf(tree, "onboarding")).hasValue("engineering");
        assertThat(parentOf(tree, "laptop-setup")).hasValue("onboarding");
        assertThat(parentOf(tree, "notes")).isEmpty();

        repo.move("engineering/code-review.md", "engineering/onboarding/code-review.md")
                .commit("Ana Silva", "ana@example.com", Instant.parse("2025-01-02T09:00:00Z"), "Move code review");
        importer.importRepository(repo.dir(), dev.lore.server.seed.Progress.NONE);

        assertThat(parentOf(tree, "code-review")).hasValue("onboarding");
    }
}
