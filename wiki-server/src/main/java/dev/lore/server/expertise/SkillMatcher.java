package dev.lore.server.expertise;

import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.expertise.SkillStore;
import dev.lore.indexer.LoreIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matches free text to stored skills and their aliases. The vocabulary is read once and kept until
 * the index or the graph's version next changes (any server's skill change moves the version, seen
 * at the next read) or {@link #forget} is called after a write of this server. Thread-safe.
 */
final class SkillMatcher {
    private final LoreIndex index;
    private final SkillStore skills;
    private final AtomicLong forgotten = new AtomicLong();
    private volatile Vocabulary vocabulary;

    /**
     * Stored skills and aliases by key, as of an index generation and a count of {@link #forget}
     * calls: one read before a write and kept after it is stale.
     */
    private record Vocabulary(
            Map<String, SkillNames.Skill> byKey, long generation, long forgotten, long graphVersion) {}

    private final java.util.function.LongSupplier graphVersion;

    /** @param graphVersion the graph's version, which another server's change to skills moves */
    SkillMatcher(LoreIndex index, SkillStore skills, java.util.function.LongSupplier graphVersion) {
        this.index = index;
        this.skills = skills;
        this.graphVersion = graphVersion;
    }

    /** Every stored skill key and alias, with the skill it names. */
    Map<String, SkillNames.Skill> vocabulary() {
        Vocabulary v = vocabulary;
        long generation = index.generation();
        long forgets = forgotten.get();
        long version = graphVersion.getAsLong();
        if (v == null || v.generation() != generation || v.forgotten() != forgets || v.graphVersion() != version) {
            v = new Vocabulary(skills.skillVocabulary(), generation, forgets, version);
            vocabulary = v;
        }
        return v.byKey();
    }

    /** Forgets the vocabulary, after a skill or alias changed. */
    void forget() {
        forgotten.incrementAndGet();
        vocabulary = null;
    }

    /**
     * Skills named by a topic, with how fully: the whole topic naming a skill counts 1, a run of
     * words inside it 0.8 (two or more words) or 0.6 (one word); when nothing does, a short topic's
     * words starting skills' words 0.4 ({@link #partly}).
     */
    Map<String, Double> match(String topic) {
        var vocab = vocabulary();
        var out = new LinkedHashMap<String, Double>();
        String[] words = topic.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#/.-]+");
        var clean = new ArrayList<String>();
        for (String w : words) {
            if (!w.isBlank()) {
                clean.add(w.replaceAll("^[.\\-/]+|[.\\-/]+$", ""));
            }
        }
        String whole = SkillNames.key(String.join(" ", clean));
        if (vocab.containsKey(whole)) {
            out.put(vocab.get(whole).key(), 1.0);
        }
        for (int size = Math.min(4, clean.size()); size >= 1; size--) {
            for (int i = 0; i + size <= clean.size(); i++) {
                String key = SkillNames.key(String.join(" ", clean.subList(i, i + size)));
                var skill = vocab.get(key);
                if (skill != null) {
                    out.merge(skill.key(), size > 1 ? 0.8 : 0.6, Math::max);
                }
            }
        }
        if (out.isEmpty() && clean.size() <= MAX_PARTIAL_WORDS) {
            partly(vocab, clean, out);
        }
        return out;
    }

    /** A short topic naming no skill may still be the start of one, as typed in a hurry. */
    private static final int MAX_PARTIAL_WORDS = 3;

    private static final int MIN_PARTIAL_LENGTH = 3;

    /**
     * Skills a word of the topic starts a word of ("kube" for Kubernetes, "postgres" for
     * PostgreSQL), counting 0.4: less than any whole match, which always ranks first.
     */
    private static void partly(Map<String, SkillNames.Skill> vocab, List<String> words, Map<String, Double> out) {
        for (String word : words) {
            String w = SkillNames.key(word);
            if (w.length() < MIN_PARTIAL_LENGTH) {
                continue;
            }
            for (var entry : vocab.entrySet()) {
                if ((" " + entry.getKey()).contains(" " + w)) {
                    out.merge(entry.getValue().key(), 0.4, Math::max);
                }
            }
        }
    }
}
