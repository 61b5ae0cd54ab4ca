package dev.lore.server.expertise;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only a person opening a page reads it. The requests below carry the headers a browser sends for
 * each kind of load.
 */
@ExtendWith(TestLore.class)
class PageReadsIT {
    private static final Map<String, String> NAVIGATION = Map.of(
            "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
            "Sec-Fetch-Dest", "document",
            "Sec-Fetch-Mode", "navigate",
            "Sec-Fetch-Site", "same-origin",
            "Sec-Fetch-User", "?1");
    private static final Map<String, String> IMAGE = Map.of(
            "Accept", "image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8",
            "Sec-Fetch-Dest", "image",
            "Sec-Fetch-Mode", "no-cors",
            "Sec-Fetch-Site", "same-origin");
    private static final Map<String, String> SCRIPT =
            Map.of("Accept", "*/*", "Sec-Fetch-Dest", "script", "Sec-Fetch-Mode", "no-cors");
    private static final Map<String, String> FETCH =
            Map.of("Accept", "*/*", "Sec-Fetch-Dest", "empty", "Sec-Fetch-Mode", "cors");
    private static final Map<String, String> PREFETCH = Map.of(
            "Accept", "text/html,*/*;q=0.8",
            "Sec-Fetch-Dest", "document",
            "Sec-Fetch-Mode", "navigate",
            "Sec-Purpose", "prefetch");

    private TestLore.Running lore;
    private Http http;
    private String rudi;

    @BeforeEach
    void setUp(TestLore.Running lore, Http http) {
        this.lore = lore;
        this.http = http;
        String carla = http.login("carla.contrib", TestLore.PASSWORD);
        rudi = http.login("rudi.reader", TestLore.PASSWORD);
        for (var page : Map.of("Other page", "Read me.", "Gallery", "Look: ![other](/wiki/other-page)")
                .entrySet()) {
            var r = http.post("/api/articles", Map.of("title", page.getKey(), "markdown", page.getValue()), carla);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
    }

    private void load(String slug, Map<String, String> headers) {
        var r = http.send("GET", "/wiki/" + slug, null, rudi, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private long reads(String slug) {
        lore.settle(); // reads are written in the background
        return lore.lore()
                .graph()
                .read(tx -> tx.run("""
                                OPTIONAL MATCH (:Person {id: 'rudi.reader'})-[r:READ]->(:Article {slug: $slug})
                                RETURN coalesce(sum(r.count), 0) AS n
                                """, Map.of("slug", slug)).single().get("n").asLong());
    }

    @Test
    void anImageScriptFetchOrPrefetchThatLoadsAPageIsNoRead() {
        load("gallery", NAVIGATION); // the browser then loads the picture:
        load("other-page", IMAGE);
        load("other-page", SCRIPT);
        load("other-page", FETCH);
        load("other-page", PREFETCH);
        load("other-page", Map.of("Accept", "*/*")); // a script without Fetch Metadata

        assertThat(reads("gallery")).isEqualTo(1);
        assertThat(reads("other-page")).isZero();
    }

    @Test
    void openingAPageIsARead() {
        load("other-page", NAVIGATION);
        // a browser without Fetch Metadata still asks for HTML when it opens a page
        load("other-page", Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

        assertThat(reads("other-page")).isEqualTo(2);
    }
}
