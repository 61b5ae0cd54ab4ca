package dev.lore.server.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.graph.article.Article;
import dev.lore.indexer.SearchHit;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.seed.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Measures Lore's ranking on SciFact (BEIR): imports the abstracts as articles through Lore's own
 * write path (graph, then index), runs the judged queries through the search function the API
 * uses, and computes nDCG@10 and Recall@100 against the human judgments.
 */
public final class SciFactEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The figures of one run. */
    public record Result(
            int documents,
            int queries,
            double ndcgAt10,
            double recallAt100,
            double importSeconds,
            double searchMillisPerQuery) {}

    private final ArticleService articles;
    private final Function<String, List<SearchHit>> search;

    /** @param search the search used by the API, asked for the top 100 hits of a query */
    public SciFactEval(ArticleService articles, Function<String, List<SearchHit>> search) {
        this.articles = articles;
        this.search = search;
    }

    public Result run(Path dir, String authorId, Progress progress) {
        return measure(dir, importCorpus(dir, authorId, progress), search);
    }

    /** The abstracts as written: which article (by slug) is which SciFact document, and how long it took. */
    public record Imported(Map<String, String> docBySlug, double seconds) {}

    /** Writes every abstract as an article through Lore's write path. */
    public Imported importCorpus(Path dir, String authorId, Progress progress) {
        List<JsonNode> corpus = corpus(dir);
        var docBySlug = new HashMap<String, String>();
        long start = System.nanoTime();
        for (int i = 0; i < corpus.size(); i++) {
            JsonNode doc = corpus.get(i);
            String title = doc.path("title").asText().strip();
            if (title.isEmpty()) {
                title = "SciFact " + doc.path("id").asText();
            }
            if (title.length() > ArticleService.MAX_TITLE) { // Lore's title limit; the rest stays in the body
                title = title.substring(0, ArticleService.MAX_TITLE - 1).strip() + "…";
            }
            var input = new ArticleInput(
                    Optional.of(title),
                    doc.path("text").asText(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("SciFact import"));
            Article created = articles.create(input, authorId);
            docBySlug.put(created.slug(), doc.path("id").asText());
            progress.update(i + 1, corpus.size(), "abstracts");
        }
        return new Imported(docBySlug, (System.nanoTime() - start) / 1e9);
    }

    /** Runs the judged training queries through {@code search} (the top 100 hits of a query). */
    public Result measure(Path dir, Imported imported, Function<String, List<SearchHit>> search) {
        Map<String, String> docBySlug = imported.docBySlug();
        Map<String, Set<String>> judged = qrels(dir.resolve("qrels_train.tsv"));
        double ndcg = 0;
        double recall = 0;
        int n = 0;
        long searchNanos = 0;
        for (JsonNode query : lines(dir.resolve("queries_train.jsonl"))) {
            Set<String> relevant = judged.get(query.path("id").asText());
            if (relevant == null || relevant.isEmpty()) {
                continue;
            }
            long t = System.nanoTime();
            List<SearchHit> hits = search.apply(query.path("text").asText());
            searchNanos += System.nanoTime() - t;
            List<String> ranked =
                    hits.stream().map(h -> docBySlug.getOrDefault(h.slug(), "")).toList();
            ndcg += ndcgAt(ranked, relevant, 10);
            recall += recallAt(ranked, relevant, 100);
            n++;
        }
        return new Result(docBySlug.size(), n, ndcg / n, recall / n, imported.seconds(), searchNanos / 1e6 / n);
    }

    /** nDCG with binary gains: DCG of the ranking over DCG of an ideal ranking. */
    static double ndcgAt(List<String> ranked, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (relevant.contains(ranked.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    static double recallAt(List<String> ranked, Set<String> relevant, int k) {
        long found =
                ranked.stream().limit(k).filter(relevant::contains).distinct().count();
        return (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static List<JsonNode> corpus(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            var all = new ArrayList<JsonNode>();
            for (Path part : files.filter(p -> p.getFileName().toString().matches("corpus.*\\.jsonl"))
                    .sorted()
                    .toList()) {
                all.addAll(lines(part));
            }
            if (all.isEmpty()) {
                throw new IllegalArgumentException("no corpus*.jsonl in " + dir);
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    private static List<JsonNode> lines(Path file) {
        try {
            var nodes = new ArrayList<JsonNode>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
            return nodes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static Map<String, Set<String>> qrels(Path file) {
        try {
            var judged = new HashMap<String, Set<String>>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .skip(1)
                    .toList()) {
                String[] cols = line.split("\t");
                if (cols.length >= 3 && Integer.parseInt(cols[2].strip()) > 0) {
                    judged.computeIfAbsent(cols[0], q -> new HashSet<>()).add(cols[1]);
                }
            }
            return judged;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
