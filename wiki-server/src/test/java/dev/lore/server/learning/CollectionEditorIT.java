package dev.lore.server.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Champions create, edit, reorder and delete featured collections with plain forms and over the API. */
@ExtendWith(TestLore.class)
class CollectionEditorIT {
    private Http http;
    private String champion;
    private String cookies;
    private String carla;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.http = http;
        champion = lore.person("cora.champion", "Cora Champion", "Enablement", Role.CHAMPION);
        cookies = http.browserSession("cora.champion", TestLore.PASSWORD);
        carla = http.login("carla.contrib", TestLore.PASSWORD);
        for (String title : List.of("Laptop setup", "VPN access", "Kafka consumer groups")) {
            var r = http.post("/api/articles", Map.of("title", title, "markdown", "About " + title + "."), carla);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    /** Posts the collection form: fields, the articles in order, and the button pressed. */
    private Http.Response form(String path, String title, List<String> articles, String add, String op, String who) {
        var pairs = new ArrayList<String>();
        pairs.add("_csrf=" + Http.enc(Http.csrfOf(who)));
        pairs.add("title=" + Http.enc(title));
        pairs.add("description=" + Http.enc("Picked for newcomers"));
        pairs.add("skill=");
        pairs.add("onHome=true");
        articles.forEach(a -> pairs.add("articles=" + Http.enc(a)));
        pairs.add("add=" + Http.enc(add));
        pairs.add("op=" + Http.enc(op));
        return http.send(
                "POST",
                path,
                String.join("&", pairs),
                null,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Cookie", who, "Accept", "text/html"));
    }

    private static List<String> hiddenArticles(String html) {
        return java.util.regex.Pattern.compile("name=\"articles\" value=\"([^\"]+)\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .collect(Collectors.toList());
    }

    private List<String> slugsOf(String id) {
        var list = new ArrayList<String>();
        for (JsonNode a : http.get("/api/collections/" + id).json().get("articles")) {
            list.add(a.get("slug").asText());
        }
        return list;
    }

    @Test
    void aChampionBuildsACollectionByAddressAndTitleSearchReordersItAndSaves() {
        var bySlug = form("/collections", "Start here", List.of(), "laptop-setup", "add", cookies);
        assertThat(bySlug.status()).isEqualTo(200);
        assertThat(hiddenArticles(bySlug.body())).containsExactly("laptop-setup");
        assertThat(bySlug.body()).contains("not saved yet");

        var byTitle = form("/collections", "Start here", List.of("laptop-setup"), "vpn", "add", cookies);
        assertThat(hiddenArticles(byTitle.body())).containsExactly("laptop-setup", "vpn-access");

        var several = form("/collections", "Start here", List.of("laptop-setup"), "a", "add", cookies);
        assertThat(several.body())
                .contains("value=\"add:kafka-consumer-groups\"")
                .contains("value=\"add:vpn-access\"");
        var picked =
                form("/collections", "Start here", List.of("laptop-setup"), "a", "add:kafka-consumer-groups", cookies);
        assertThat(hiddenArticles(picked.body())).containsExactly("laptop-setup", "kafka-consumer-groups");

        var moved = form(
                "/collections",
                "Start here",
                List.of("laptop-setup", "vpn-access", "kafka-consumer-groups"),
                "",
                "down:0",
                cookies);
        assertThat(hiddenArticles(moved.body())).containsExactly("vpn-access", "laptop-setup", "kafka-consumer-groups");
        var removed = form("/collections", "Start here", hiddenArticles(moved.body()), "", "remove:2", cookies);
        assertThat(hiddenArticles(removed.body())).containsExactly("vpn-access", "laptop-setup");
        assertThat(http.get("/api/collections").json().get("collections").size())
                .isZero();

        var saved = form("/collections", "Start here", hiddenArticles(removed.body()), "", "save", cookies);
        assertThat(saved.status()).isEqualTo(303);
        JsonNode c = http.get("/api/collections").json().at("/collections/0");
        assertThat(c.get("title").asText()).isEqualTo("Start here");
        assertThat(c.get("description").asText()).isEqualTo("Picked for newcomers");
        assertThat(c.get("onHome").asBoolean()).isTrue();
        String id = c.get("id").asText();
        assertThat(slugsOf(id)).containsExactly("vpn-access", "laptop-setup");

        var editPage = http.getWithCookies("/collections/" + id + "/edit", cookies);
        assertThat(hiddenArticles(editPage.body())).containsExactly("vpn-access", "laptop-setup");
        var up = form(
                "/collections/" + id + "/edit",
                "Start here",
                List.of("vpn-access", "laptop-setup"),
                "",
                "up:1",
                cookies);
        assertThat(hiddenArticles(up.body())).containsExactly("laptop-setup", "vpn-access");
        assertThat(slugsOf(id)).containsExactly("vpn-access", "laptop-setup"); // not saved yet
        var edited =
                form("/collections/" + id + "/edit", "First steps", hiddenArticles(up.body()), "", "save", cookies);
        assertThat(edited.status()).isEqualTo(303);
        assertThat(slugsOf(id)).containsExactly("laptop-setup", "vpn-access");
        assertThat(http.get("/api/collections/" + id).json().get("title").asText())
                .isEqualTo("First steps");

        String home = http.getWithCookies("/", cookies).body();
        assertThat(home).contains("First steps").contains("/collections/" + id + "/edit");
        assertThat(http.get("/").body()).contains("First steps").doesNotContain("/collections/" + id + "/edit");
    }

    @Test
    void aRefusedSaveComesBackWithEverythingTypedAndTheReason() {
        var empty = form("/collections", "Nothing yet", List.of(), "", "save", cookies);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("a collection needs 1-50 articles").contains("value=\"Nothing yet\"");
        var unknown = form("/collections", "Nothing yet", List.of(), "zzz-no-such", "add", cookies);
        assertThat(unknown.body()).contains("no article has the address or a title with");
        var badOp = form("/collections", "Nothing yet", List.of("vpn-access"), "", "up:7", cookies);
        assertThat(badOp.status()).isEqualTo(400);
    }

    @Test
    void aChampionDeletesACollectionByFormAndOverTheApi() {
        var body = Map.of("title", "Kafka", "articles", List.of("kafka-consumer-groups"), "onHome", true);
        String first =
                http.post("/api/collections", body, champion).json().get("id").asText();
        String second =
                http.post("/api/collections", body, champion).json().get("id").asText();

        var deleted = http.form("/collections/" + first + "/delete", Map.of("_csrf", Http.csrfOf(cookies)), cookies);
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(http.get("/api/collections/" + first).status()).isEqualTo(404);

        assertThat(http.delete("/api/collections/" + second, champion).status()).isEqualTo(204);
        assertThat(http.get("/api/collections/" + second).status()).isEqualTo(404);
        assertThat(http.delete("/api/collections/" + second, champion).status()).isEqualTo(404);
        assertThat(http.get("/api/articles/kafka-consumer-groups").status()).isEqualTo(200);
    }

    @Test
    void onlyChampionsEditCollections() {
        var body = Map.of("title", "Kafka", "articles", List.of("kafka-consumer-groups"));
        String id =
                http.post("/api/collections", body, champion).json().get("id").asText();
        String carlaCookies = http.browserSession("carla.contrib", TestLore.PASSWORD);

        assertThat(http.getWithCookies("/collections/new", carlaCookies).status())
                .isEqualTo(403);
        assertThat(http.getWithCookies("/collections/" + id + "/edit", carlaCookies)
                        .status())
                .isEqualTo(403);
        assertThat(form("/collections", "Mine", List.of("vpn-access"), "", "save", carlaCookies)
                        .status())
                .isEqualTo(403);
        assertThat(http.form("/collections/" + id + "/delete", Map.of("_csrf", Http.csrfOf(carlaCookies)), carlaCookies)
                        .status())
                .isEqualTo(403);
        assertThat(http.delete("/api/collections/" + id, carla).status()).isEqualTo(403);
        assertThat(http.get("/api/collections/" + id).status()).isEqualTo(200);
        assertThat(http.getWithCookies("/collections", carlaCookies).body())
                .contains("Kafka")
                .doesNotContain("/collections/" + id + "/edit");
    }
}
