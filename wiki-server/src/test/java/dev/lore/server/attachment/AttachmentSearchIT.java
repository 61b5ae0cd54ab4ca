package dev.lore.server.attachment;

import static dev.lore.server.support.SampleFiles.docx;
import static dev.lore.server.support.SampleFiles.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search finds a file by the words inside it: real PDF and docx files made here (PDFBox, POI),
 * their text extracted by Tika in the background (awaited with {@code settle}), indexed as hits of
 * type {@code attachment} that lead to their page, and gone from search when the page is hidden.
 */
@ExtendWith(TestLore.class)
class AttachmentSearchIT {
    private Http http;
    private Files files;
    private String carla;
    private String champ;
    private TestLore.Running lore;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        champ = lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
    }

    private String article(String title) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", "See the attached files."), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private JsonNode upload(String slug, String name, byte[] content) {
        var r = files.upload("/api/files", Map.of("article", slug), name, content, carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode hits(String q, String token) {
        return http.get("/api/search?q=" + Http.enc(q) + "&type=attachment", token)
                .json()
                .get("hits");
    }

    @Test
    void findsAPdfByAWordInsideIt() throws Exception {
        String slug = article("Broker operations");
        JsonNode file = upload(slug, "runbook.pdf", pdf("Rebalance the zanzibarite partitions before midnight"));
        assertThat(file.get("type").asText()).isEqualTo("application/pdf");
        lore.settle();

        JsonNode hits = hits("zanzibarite", carla);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).get("type").asText()).isEqualTo("attachment");
        assertThat(hits.get(0).get("title").asText()).isEqualTo("runbook.pdf");
        assertThat(hits.get(0).get("url").asText()).isEqualTo("/wiki/" + slug + "#files");
        assertThat(hits.get(0).get("snippet").asText()).containsIgnoringCase("zanzibarite");
    }

    @Test
    void findsADocxByAWordInsideIt() throws Exception {
        String slug = article("Onboarding letters");
        JsonNode file = upload(slug, "welcome.docx", docx("Your quokkaberry badge waits at the front desk"));
        assertThat(file.get("type").asText()).contains("wordprocessingml");
        lore.settle();

        assertThat(hits("quokkaberry", carla)).hasSize(1);
    }

    @Test
    void aHiddenPageTakesItsFilesOutOfSearch() throws Exception {
        String slug = article("Old procedures");
        upload(slug, "old.pdf", pdf("The vexillomancy checklist"));
        lore.settle();
        assertThat(hits("vexillomancy", carla)).hasSize(1);

        assertThat(http.post("/api/moderation/article/" + slug + "/hide", Map.of("reason", "outdated"), champ)
                        .status())
                .isEqualTo(204);
        lore.settle();
        assertThat(hits("vexillomancy", carla)).isEmpty();
    }

    @Test
    void aReplacedFileIsFoundByItsNewTextOnly() throws Exception {
        String slug = article("Plans");
        JsonNode file = upload(slug, "plan.pdf", pdf("The wombatization plan"));
        lore.settle();
        var r = files.upload(
                "/api/files/" + file.get("id").asText(), Map.of(), "plan.pdf", pdf("The platypunk plan"), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        lore.settle();
        assertThat(hits("platypunk", carla)).hasSize(1);
        assertThat(hits("wombatization", carla)).isEmpty();
    }
}
