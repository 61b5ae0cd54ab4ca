package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EditorTextTest {
    @Test
    void leavesOutFrontMatterAndAHeadingThatRepeatsTheTitle() {
        String page = """
                ---
                title: Using feature flags
                tags: [release]
                owner: daniel.okafor
                ---

                # Using feature flags

                Flags let us ship dark.
                """;
        assertThat(EditorText.of(page, "Using feature flags")).isEqualTo("Flags let us ship dark.\n");
    }

    @Test
    void keepsAFirstHeadingThatSaysSomethingElse() {
        assertThat(EditorText.of("# Background\n\nText", "Using feature flags")).isEqualTo("# Background\n\nText");
    }

    @Test
    void keepsFrontMatterWithKeysLoreDoesNotKnowSoNothingIsLostOnSave() {
        String page = "---\ntitle: T\nreviewers: [ana]\n---\nBody";
        assertThat(EditorText.of(page, "T")).isEqualTo(page);
    }

    @Test
    void keepsTextWithoutFrontMatterAsItIs() {
        assertThat(EditorText.of("Just text.\n", "T")).isEqualTo("Just text.\n");
        assertThat(EditorText.of("---\nnot: [closed\n---\nBody", "T")).isEqualTo("---\nnot: [closed\n---\nBody");
    }
}
