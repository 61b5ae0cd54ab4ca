package dev.lore.server.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FrontMatterTest {
    @Test
    void readsKnownKeysAndSeparatesTheBody() {
        var front = FrontMatter.parse(
                "---\ntitle: \"Deploys: how\"\ntags: [ci, deploy]\nskills:\n  - CI/CD\nowner: ana.silva\nauthor: bo\ndate: 2025-03-14T10:00:00Z\nmessage: First\n---\nBody\n");
        assertThat(front.title()).contains("Deploys: how");
        assertThat(front.tags()).containsExactly("ci", "deploy");
        assertThat(front.skills()).containsExactly("CI/CD");
        assertThat(front.owner()).contains("ana.silva");
        assertThat(front.author()).contains("bo");
        assertThat(front.date()).contains(Instant.parse("2025-03-14T10:00:00Z"));
        assertThat(front.message()).contains("First");
        assertThat(front.body()).isEqualTo("Body\n");
    }

    @Test
    void malformedYamlIsTreatedAsNoFrontMatterAndKeepsTheText() {
        String text = "---\ntitle: [unclosed\n---\nBody";
        var front = FrontMatter.parse(text);
        assertThat(front.title()).isEmpty();
        assertThat(front.body()).isEqualTo(text);
    }

    @Test
    void acceptsCommaSeparatedTagsAndPlainDates() {
        var front = FrontMatter.parse("---\ntags: a, b\ndate: 2024-01-02\n---\n");
        assertThat(front.tags()).containsExactly("a", "b");
        assertThat(front.date()).contains(Instant.parse("2024-01-02T00:00:00Z"));
    }
}
