package dev.lore.indexer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Not a test: SciFact train through the index alone (LoreIndex.apply and search, no graph), for
 * trying fusion variants quickly. Run with the SciFact folder as argument; a second argument
 * {@code lexical} leaves the model out and prints the lexical row only (seconds instead of the
 * hour embedding takes on two cores).
 */
public final class SciFactHarness {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path indexDir = Files.createTempDirectory("lore-scifact-harness-");
        var docs = new ArrayList<IndexDoc>();
        for (Path part : Files.list(dir)
                .filter(p -> p.getFileName().toString().startsWith("corpus"))
                .sorted()
                .toList()) {
            for (String line : Files.readAllLines(part)) {
                if (line.isBlank()) continue;
                JsonNode d = JSON.readTree(line);
                String title = d.path("title").asText().strip();
                docs.add(new IndexDoc(
                        "article:" + d.path("id").asText(),
                        "article",
                        d.path("id").asText(),
                        title.isEmpty() ? "SciFact " + d.path("id").asText() : title,
                        d.path("text").asText(),
                        List.of(),
                        List.of(),
                        List.of(),
                        Instant.EPOCH));
            }
        }
        Map<String, Set<String>> judged = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("qrels_train.tsv")).stream()
                .skip(1)
                .toList()) {
            String[] c = line.split("\t");
            if (c.length >= 3 && Integer.parseInt(c[2].strip()) > 0)
                judged.computeIfAbsent(c[0], q -> new HashSet<>()).add(c[1]);
        }
        var queries = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(dir.resolve("queries_train.jsonl"))) {
            if (line.isBlank()) continue;
            JsonNode q = JSON.readTree(line);
            if (judged.containsKey(q.path("id").asText()))
                queries.put(q.path("id").asText(), q.path("text").asText());
        }
        boolean lexicalOnly = args.length > 1 && args[1].equals("lexical");
        if (lexicalOnly) {
            try (var index = LoreIndex.open(indexDir, Optional.empty())) {
                for (int i = 0; i < docs.size(); i += 500) {
                    index.apply(docs.subList(i, Math.min(docs.size(), i + 500)), List.of(), i / 500 + 1);
                }
                var lexical = new HashMap<String, List<SearchHit>>();
                for (var q : queries.entrySet()) {
                    lexical.put(
                            q.getKey(),
                            index.search(new SearchRequest(q.getValue(), 0, 100), Ranking.LEXICAL)
                                    .hits());
                }
                report("lexical", queries, judged, q -> slugs(lexical.get(q)));
            }
            return;
        }
        try (var index = LoreIndex.open(indexDir, Optional.of(BgeSmallEmbedder.load()))) {
            long t0 = System.nanoTime();
            for (int i = 0; i < docs.size(); i += 500) {
                index.apply(docs.subList(i, Math.min(docs.size(), i + 500)), List.of(), i / 500 + 1);
            }
            double lexSeconds = (System.nanoTime() - t0) / 1e9;
            while (!index.awaitEmbeddings(java.time.Duration.ofSeconds(30))) {
                System.out.printf(
                        "embedded %s after %.0f s%n", index.embeddingProgress(), (System.nanoTime() - t0) / 1e9);
            }
            double allSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "docs %d, lexical apply %.1f s, embedded %d passages in %.1f s (%.1f passages/s)%n",
                    docs.size(),
                    lexSeconds,
                    index.passagesEmbedded(),
                    allSeconds,
                    index.passagesEmbedded() / allSeconds);
            var lexical = new HashMap<String, List<SearchHit>>();
            var semantic = new HashMap<String, List<SearchHit>>();
            long tl = 0, ts = 0;
            for (var q : queries.entrySet()) {
                long a = System.nanoTime();
                lexical.put(
                        q.getKey(),
                        index.search(new SearchRequest(q.getValue(), 0, 100), Ranking.LEXICAL)
                                .hits());
                long b = System.nanoTime();
                semantic.put(
                        q.getKey(),
                        index.search(new SearchRequest(q.getValue(), 0, 100), Ranking.SEMANTIC)
                                .hits());
                ts += System.nanoTime() - b;
                tl += b - a;
            }
            System.out.printf(
                    "ms/query lexical %.2f semantic %.2f%n", tl / 1e6 / queries.size(), ts / 1e6 / queries.size());
            report("lexical", queries, judged, q -> slugs(lexical.get(q)));
            report("semantic", queries, judged, q -> slugs(semantic.get(q)));
            for (int k : new int[] {10, 30, 60, 100}) {
                report(
                        "rrf k=" + k,
                        queries,
                        judged,
                        q -> fused(SemanticSearch.reciprocalRank(slugs(lexical.get(q)), slugs(semantic.get(q)), k)));
            }
            for (float w : new float[] {0.3f, 0.4f, 0.5f, 0.6f, 0.7f}) {
                report(
                        "blend w=" + w,
                        queries,
                        judged,
                        q -> fused(SemanticSearch.blend(
                                slugs(lexical.get(q)),
                                scores(lexical.get(q)),
                                slugs(semantic.get(q)),
                                scores(semantic.get(q)),
                                w)));
            }
            long th = System.nanoTime();
            report(
                    "served HYBRID_RRF",
                    queries,
                    judged,
                    q -> slugs(index.search(new SearchRequest(queries.get(q), 0, 100), Ranking.HYBRID_RRF)
                            .hits()));
            System.out.printf("ms/query hybrid %.2f%n", (System.nanoTime() - th) / 1e6 / queries.size());
            report(
                    "served HYBRID_BLEND",
                    queries,
                    judged,
                    q -> slugs(index.search(new SearchRequest(queries.get(q), 0, 100), Ranking.HYBRID_BLEND)
                            .hits()));
        }
    }

    private static List<String> slugs(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::slug).toList();
    }

    private static float[] scores(List<SearchHit> hits) {
        float[] out = new float[hits.size()];
        for (int i = 0; i < out.length; i++) out[i] = hits.get(i).score();
        return out;
    }

    private static List<String> fused(Map<String, Float> scores) {
        var order = new ArrayList<>(scores.entrySet());
        order.sort(Map.Entry.<String, Float>comparingByValue().reversed());
        return order.stream().map(Map.Entry::getKey).limit(100).toList();
    }

    private static void report(
            String name,
            Map<String, String> queries,
            Map<String, Set<String>> judged,
            java.util.function.Function<String, List<String>> ranked) {
        double ndcg = 0, recall = 0;
        for (String q : queries.keySet()) {
            List<String> r = ranked.apply(q);
            Set<String> rel = judged.get(q);
            double dcg = 0, ideal = 0;
            for (int i = 0; i < Math.min(10, r.size()); i++)
                if (rel.contains(r.get(i))) dcg += 1 / (Math.log(i + 2) / Math.log(2));
            for (int i = 0; i < Math.min(10, rel.size()); i++) ideal += 1 / (Math.log(i + 2) / Math.log(2));
            ndcg += dcg / ideal;
            recall += (double) r.stream()
                            .limit(100)
                            .filter(rel::contains)
                            .distinct()
                            .count()
                    / rel.size();
        }
        System.out.printf("| %s | %.3f | %.3f |%n", name, ndcg / queries.size(), recall / queries.size());
    }
}
