package dev.lore.server.gitimport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.markdown.Titles;
import java.util.List;
import org.junit.jupiter.api.Test;

class GitImportTitlesTest {
    @Test
    void frontMatterTitleIsLeftToTheArticleService() {
        var input = GitImport.input("docs/a.md", "---\ntitle: From front matter\ntags: [x]\n---\n# Heading\n", "msg");
        assertThat(input.title()).isEmpty();
        assertThat(input.tags()).contains(List.of("x"));
        assertThat(input.skills()).contains(List.of());
        assertThat(input.message()).contains("msg");
    }

    @Test
    void otherwiseTheFirstLevelOneHeadingOutsideCodeOrTheFileName() {
        assertThat(Titles.fromBody("intro\n\n## Not this\n# The title #\n# Later\n", "x.md"))
                .isEqualTo("The title");
        assertThat(Titles.fromBody("```\n# not a heading\n```\nSetext\n======\n", "x.md"))
                .isEqualTo("Setext");
        assertThat(Titles.fromBody("    # indented code\nplain text\n", "docs/getting_started-guide.md"))
                .isEqualTo("getting started guide");
        assertThat(Titles.fromBody("", "teams/platform/README.md")).isEqualTo("platform");
        assertThat(Titles.fromBody("", "index.MARKDOWN")).isEqualTo("index");
        assertThat(Titles.fromBody("# " + "long ".repeat(60), "x.md")).hasSizeLessThanOrEqualTo(200);
    }

    @Test
    void theMessageIsTheFirstLineOfTheCommitMessage() {
        assertThat(GitImport.firstLine("\n  Fix the thing  \n\nBecause.\n")).isEqualTo("Fix the thing");
        assertThat(GitImport.firstLine("")).isEmpty();
        assertThat(GitImport.firstLine("x".repeat(600))).hasSize(500);
    }
}
