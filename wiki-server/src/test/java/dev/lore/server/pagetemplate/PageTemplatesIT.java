package dev.lore.server.pagetemplate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Page templates: bundled defaults, champions' edits and resets, and "New page" starting from one. */
@ExtendWith(TestLore.class)
class PageTemplatesIT {
    @Test
    void newPageOffersTheBundledTemplatesWithPlaceholdersFilledIn(TestLore.Running lore, Http http) {
        lore.clock().set(Instant.parse("2026-11-30T09:00:00Z"));
        JsonNode all = http.get("/api/templates").json().get("templates");
        var names = new ArrayList<String>();
        all.forEach(t -> names.add(t.get("name").asText()));
        assertThat(names).containsExactly("runbook", "how-to", "decision-record", "onboarding-checklist", "lesson");

        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/new", cookies).body()).contains("/new?template=runbook");
        String form = http.getWithCookies("/new?template=runbook&title=Restart%20Kafka", cookies)
                .body();
        assertThat(form)
                .contains("# Restart Kafka")
                .contains("written 2026-11-30 by Carla Contributor")
                .doesNotContain("{{");
        assertThat(http.getWithCookies("/new?template=nonsense", cookies).status())
                .isEqualTo(404);
    }

    @Test
    void championsEditATemplateAndResetItOthersCannot(TestLore.Running lore, Http http) {
        String chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        var refused = http.put("/api/templates/how-to", Map.of("markdown", "# {{title}}\n\nSteps."), carla);
        assertThat(refused.status()).isEqualTo(403);

        var saved = http.put("/api/templates/how-to", Map.of("markdown", "# {{title}}\n\nOur steps."), chris);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("edited").asBoolean()).isTrue();
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        assertThat(http.getWithCookies("/new?template=how-to&title=Deploy", cookies)
                        .body())
                .contains("Our steps.");

        assertThat(http.put("/api/templates/how-to", Map.of("markdown", " "), chris)
                        .status())
                .isEqualTo(400);
        assertThat(http.put("/api/templates/poem", Map.of("markdown", "x"), chris)
                        .status())
                .isEqualTo(404);

        JsonNode reset = http.delete("/api/templates/how-to", chris).json();
        assertThat(reset.get("edited").asBoolean()).isFalse();
        assertThat(reset.get("markdown").asText()).contains("## Troubleshooting");
        assertThat(http.getWithCookies("/templates", cookies).body()).contains("Decision record");
    }

    @Test
    void theLessonTemplateNeverNamesItsAuthor(TestLore.Running lore, Http http) {
        String chris = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        http.put("/api/templates/lesson", Map.of("markdown", "Written by {{author}}\n\n## What we tried\n"), chris);
        String cookies = http.browserSession("carla.contrib", TestLore.PASSWORD);
        String form = http.getWithCookies("/lessons/new", cookies).body();
        assertThat(form)
                .contains("## What we tried")
                .doesNotContain("Carla Contributor</textarea>")
                .doesNotContain("Written by Carla");
    }
}
