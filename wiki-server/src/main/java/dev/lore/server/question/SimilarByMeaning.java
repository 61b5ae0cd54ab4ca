package dev.lore.server.question;

import dev.lore.indexer.LoreIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Already in Lore" before a question is posted: the documents that share its words and those
 * close to it in meaning, fused by reciprocal rank. A document found by meaning alone must be
 * close enough ({@link #MIN_SIMILARITY}), so an unrelated question still hears "nothing similar".
 */
final class SimilarByMeaning {
    /** Cosine similarity under which a neighbour is not shown on its own (bge-small: unrelated text scored 0.30-0.46, related 0.58-0.62 on the examples tried). */
    static final float MIN_SIMILARITY = 0.5f;

    private static final int K = 60;

    private SimilarByMeaning() {}

    static List<LoreIndex.Scored> fuse(List<LoreIndex.Scored> byWords, List<LoreIndex.Scored> byMeaning, int limit) {
        Map<String, Float> fused = new LinkedHashMap<>();
        Map<String, LoreIndex.Scored> docs = new HashMap<>();
        for (int i = 0; i < byWords.size(); i++) {
            docs.putIfAbsent(byWords.get(i).id(), byWords.get(i));
            fused.merge(byWords.get(i).id(), 1f / (K + i + 1), Float::sum);
        }
        for (int i = 0; i < byMeaning.size(); i++) {
            LoreIndex.Scored d = byMeaning.get(i);
            if (d.score() < MIN_SIMILARITY && !docs.containsKey(d.id())) {
                continue;
            }
            docs.putIfAbsent(d.id(), d);
            fused.merge(d.id(), 1f / (K + i + 1), Float::sum);
        }
        var order = new ArrayList<>(fused.entrySet());
        order.sort(Map.Entry.<String, Float>comparingByValue().reversed());
        return order.stream().limit(limit).map(e -> docs.get(e.getKey())).toList();
    }
}
