package dev.lore.server.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Files;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where files are used, as pages show it: "Used on" on a page's list of files, and the champions'
 * page of files no page uses.
 */
@ExtendWith(TestLore.class)
class FileUsagePagesIT {
    private Http http;
    private Files files;
    private String carla;
    private String champion;
    private String carlaBrowser;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        this.files = new Files(http.base());
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        lore.person("chris.champion", "Chris Champion", "Enablement", Role.CHAMPION);
        champion = http.browserSession("chris.champion", TestLore.PASSWORD);
        carlaBrowser = http.browserSession("carla.contrib", TestLore.PASSWORD);
    }

    private String article(String title, String markdown) {
        var r = http.post("/api/articles", Map.of("title", title, "markdown", markdown), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("slug").asText();
    }

    private JsonNode upload(String slug, String name, String text) {
        var r = files.upload("/api/files", Map.of("article", slug), name, text.getBytes(StandardCharsets.UTF_8), carla);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Document page(String path, String cookies) {
        var r = http.getWithCookies(path, cookies);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return Jsoup.parse(r.body());
    }

    private static Element fileItem(Document doc, JsonNode file) {
        Element item = doc.getElementById("file-" + file.get("id").asText());
        assertThat(item).as(doc.html()).isNotNull();
        return item;
    }

    @Test
    void eachFileOnAPageSaysWhichPagesShowOrLinkIt() {
        String home = article("Diagrams", "All our diagrams.");
        JsonNode linked = upload(home, "deploy.txt", "how we deploy");
        JsonNode lonely = upload(home, "old.txt", "nobody links me");
        article("Deploys", "See [how](" + linked.get("url").asText() + ").");
        http.put(
                "/api/articles/" + home,
                Map.of(
                        "markdown",
                        "All our diagrams: [deploy](/files/" + linked.get("id").asText() + ")",
                        "baseRevision",
                        1),
                carla);

        Document doc = page("/wiki/" + home, carlaBrowser);

        Element used = fileItem(doc, linked).selectFirst(".file-used");
        assertThat(used).isNotNull();
        assertThat(used.text()).startsWith("Used on");
        assertThat(used.select("a").eachAttr("href")).containsExactlyInAnyOrder("/wiki/" + home, "/wiki/deploys");
        assertThat(fileItem(doc, lonely).selectFirst(".file-used").text()).isEqualTo("Not shown or linked on any page");
        // only champions get the way to the list of unused files
        assertThat(doc.select("a[href=/curation/files]")).isEmpty();
        assertThat(page("/wiki/" + home, champion).select("a[href=/curation/files]"))
                .hasSize(1);
    }

    @Test
    void championsSeeTheFilesNoPageUsesWithTheirPage() {
        String home = article("Runbooks", "Our runbooks.");
        JsonNode lonely = upload(home, "forgotten.txt", "nobody links me");
        JsonNode linked = upload(home, "used.txt", "linked");
        article("Uses it", "[used](" + linked.get("url").asText() + ")");

        Document doc = page("/curation/files", champion);

        Element item = fileItem(doc, lonely);
        assertThat(item.selectFirst(".file-name").text()).isEqualTo("forgotten.txt");
        assertThat(item.selectFirst(".file-page a").attr("href")).isEqualTo("/wiki/" + home + "#files");
        assertThat(doc.getElementById("file-" + linked.get("id").asText())).isNull();
        assertThat(http.getWithCookies("/curation/files", carlaBrowser).status())
                .isEqualTo(403);
    }
}
