package dev.lore.server.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestLore.class)
class EditorFrontMatterIT {
    @Test
    void theEditorShowsTitleTagsAndOwnerOnlyInTheirOwnPlacesAndASaveKeepsThem(Http http) {
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var created = http.post(
                "/api/articles",
                Map.of(
                        "markdown",
                        "---\ntitle: Using feature flags\ntags: [release]\nowner: carla.contrib\n---\n\n"
                                + "# Using feature flags\n\nFlags let us ship dark.\n"),
                carla);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);

        var editor = Jsoup.parse(
                http.getWithCookies("/wiki/using-feature-flags/edit", cookies).body());
        String body = editor.selectFirst("textarea#markdown").text();
        assertThat(body).isEqualTo("Flags let us ship dark.");
        assertThat(editor.selectFirst("#title").val()).isEqualTo("Using feature flags");
        assertThat(editor.selectFirst("#tags").val()).isEqualTo("release");

        var saved = http.form(
                "/wiki/using-feature-flags",
                Map.of(
                        "_csrf", Http.csrfOf(cookies),
                        "title", "Using feature flags",
                        "markdown", "Flags let us ship dark, and roll back fast.\n",
                        "tags", "release",
                        "baseRevision", "1"),
                cookies);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        JsonNode page = http.get("/api/articles/using-feature-flags").json();
        assertThat(page.get("owner").asText()).isEqualTo("carla.contrib");
        assertThat(page.get("title").asText()).isEqualTo("Using feature flags");
        assertThat(page.get("tags")).extracting(JsonNode::asText).containsExactly("release");
        assertThat(page.get("markdown").asText()).doesNotContain("---").doesNotContain("# Using");
    }
}
