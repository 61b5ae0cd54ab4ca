package dev.lore.server.bench;

import static dev.lore.server.bench.SearchBenchmark.measure;

import dev.lore.server.Lore;
import dev.lore.server.bench.SearchBenchmark.Latency;
import dev.lore.server.web.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * The requests of everyday use, at {@link #CLIENTS} concurrent clients over HTTP against a warm
 * server: suggestions as one types, the article, home and profile pages, and article saves (each
 * client editing its own pages), each against its yardstick in the same process.
 */
final class EverydayRequests {
    static final int CLIENTS = 8;

    /** An article the benchmark created: its number in the corpus, slug, text and first revision. */
    record Page(int n, String slug, SyntheticCorpus.Doc doc, int revision) {}

    private final Lore lore;
    private final String base;
    private final HttpLoad http;
    private final int requests;
    private final Latency floor;
    /** The admin's API token: pages are read signed in (profiles need it), saves are made with it. */
    private final String token;

    /**
     * @param floor the HTTP floor at {@link #CLIENTS} clients, the yardstick of the page rows
     */
    EverydayRequests(Lore lore, String base, HttpLoad http, int requests, Latency floor) {
        this.lore = lore;
        this.base = base;
        this.http = http;
        this.requests = requests;
        this.floor = floor;
        this.token = lore.auth().createApiToken(lore.people().get(Lore.ADMIN_ID));
    }

    /** Suggestions for the first 2-8 characters of real titles. */
    void suggest(List<String> titles, Rows rows) throws Exception {
        var random = new Random(13);
        var prefixes = new ArrayList<String>();
        for (int i = 0; i < 500; i++) {
            String title = titles.get(random.nextInt(titles.size()));
            String prefix = title.substring(0, Math.min(title.length(), 2 + random.nextInt(7)))
                    .strip();
            prefixes.add(base + "/api/suggest?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        }
        Latency lore = measure(CLIENTS, requests, prefixes, http::get);
        rows.add("suggest (/api/suggest)", CLIENTS, lore, "HTTP floor", floor, "p99 < 10 ms");
    }

    /**
     * The article, home and profile pages, read signed in; the article also against the floor plus
     * commonmark alone rendering the same Markdown.
     */
    void pages(List<Page> pages, Rows rows) throws Exception {
        var urls = pages.stream().map(p -> base + "/wiki/" + p.slug()).toList();
        var markdown = new ConcurrentHashMap<String, String>();
        pages.forEach(p -> markdown.put(base + "/wiki/" + p.slug(), p.doc().body()));
        Parser parser = Parser.builder().build();
        HtmlRenderer renderer = HtmlRenderer.builder().build();
        Latency commonmark = measure(CLIENTS, requests, urls, url -> renderer.render(parser.parse(markdown.get(url))));
        Latency article = measure(CLIENTS, requests, urls, url -> http.get(url, token));
        rows.add(
                "article page (/wiki/{slug})",
                CLIENTS,
                article,
                "HTTP floor + commonmark",
                Rows.plus(floor, commonmark),
                "p50 < 5 ms, p99 < 20 ms");
        rows.add("article page (/wiki/{slug})", CLIENTS, article, "HTTP floor", floor, "p50 < 5 ms, p99 < 20 ms");
        Latency home = measure(CLIENTS, requests, List.of(base + "/"), url -> http.get(url, token));
        rows.add("home page (/)", CLIENTS, home, "HTTP floor", floor, "");
        Latency profile =
                measure(CLIENTS, requests, List.of(base + "/people/" + Lore.ADMIN_ID), url -> http.get(url, token));
        rows.add("profile page (/people/{id})", CLIENTS, profile, "HTTP floor", floor, "");
    }

    /**
     * Article edits as the web editor sends them ({@code PUT /api/articles/{slug}} with the
     * revision the edit started from), each client on its own pages, against plain Lucene replacing
     * the same document and refreshing its reader.
     */
    void saves(List<Page> pages, SameWorkSearch plain, Rows rows) throws Exception {
        if (pages.size() % CLIENTS != 0) {
            throw new IllegalArgumentException("pages must be a multiple of " + CLIENTS + ", was " + pages.size());
        }
        var bySlug = new ConcurrentHashMap<String, Page>();
        var revisions = new ConcurrentHashMap<String, Integer>();
        pages.forEach(p -> {
            bySlug.put(p.slug(), p);
            revisions.put(p.slug(), p.revision());
        });
        var edits = new AtomicInteger();
        var mapper = Json.mapper();
        // measure hands request i to client i % CLIENTS and page i % pages.size(): with a multiple
        // of CLIENTS pages, no two clients edit the same page
        var slugs = pages.stream().map(Page::slug).toList();
        Latency lore = measure(CLIENTS, requests, slugs, slug -> {
            String markdown = bySlug.get(slug).doc().body() + "\n\nEdit " + edits.incrementAndGet() + ".";
            String body;
            try {
                body = mapper.writeValueAsString(Map.of("markdown", markdown, "baseRevision", revisions.get(slug)));
                String answer = http.putJson(base + "/api/articles/" + slug, body, token);
                revisions.put(slug, mapper.readTree(answer).get("revision").asInt());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        Latency yardstick = measure(CLIENTS, requests, slugs, slug -> {
            Page p = bySlug.get(slug);
            var doc = p.doc();
            plain.save(
                    p.n(),
                    new SyntheticCorpus.Doc(
                            doc.title(), doc.body() + "\n\nEdit " + edits.incrementAndGet() + ".", doc.tags()));
        });
        rows.add(
                "article save (PUT /api/articles/{slug})",
                CLIENTS,
                lore,
                "Lucene updateDocument + refresh",
                yardstick,
                "p50 < 30 ms, p99 < 150 ms");
    }
}
