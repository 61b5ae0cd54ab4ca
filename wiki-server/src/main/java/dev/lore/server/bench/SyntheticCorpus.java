package dev.lore.server.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A reproducible synthetic wiki: pronounceable made-up words drawn with a Zipf distribution (as
 * word frequencies in real text are), articles of 300-3,000 words in paragraphs, a few tags each.
 */
final class SyntheticCorpus {
    private static final String[] ONSETS = {
        "b", "br", "c", "ch", "d", "f", "g", "gr", "k", "l", "m", "n", "p", "pl", "r", "s", "st", "t", "tr", "v", "z"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou"};
    private static final String[] CODAS = {"", "n", "r", "s", "t", "l", "x", "ck", "m"};

    /** One generated article. */
    record Doc(String title, String body, List<String> tags) {}

    private final String[] vocabulary;
    private final double[] cumulative;
    private final List<String> tags = new ArrayList<>();

    SyntheticCorpus(int vocabularySize, double zipfExponent, long seed) {
        var random = new Random(seed);
        var words = new java.util.LinkedHashSet<String>();
        while (words.size() < vocabularySize) {
            int syllables = 1 + random.nextInt(3);
            var w = new StringBuilder();
            for (int i = 0; i < syllables; i++) {
                w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            w.append(CODAS[random.nextInt(CODAS.length)]);
            words.add(w.toString());
        }
        vocabulary = words.toArray(String[]::new);
        cumulative = new double[vocabularySize];
        double sum = 0;
        for (int rank = 1; rank <= vocabularySize; rank++) {
            sum += 1 / Math.pow(rank, zipfExponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < vocabularySize; i++) {
            cumulative[i] /= sum;
        }
        for (int i = 0; i < 200; i++) {
            tags.add(vocabulary[50 + i * 7]);
        }
    }

    String word(Random random) {
        int i = java.util.Arrays.binarySearch(cumulative, random.nextDouble());
        return vocabulary[i >= 0 ? i : Math.min(-i - 1, vocabulary.length - 1)];
    }

    /** A word of middling frequency (ranks 100-5,000): what people search for. */
    String queryWord(Random random) {
        return vocabulary[100 + random.nextInt(Math.min(4_900, vocabulary.length - 100))];
    }

    /** {@code count} searches of one to three such words, as people type them. */
    java.util.List<String> queries(int count, Random random) {
        var queries = new java.util.ArrayList<String>(count);
        for (int i = 0; i < count; i++) {
            int words = 1 + random.nextInt(3);
            var q = new StringBuilder();
            for (int w = 0; w < words; w++) {
                q.append(w == 0 ? "" : " ").append(queryWord(random));
            }
            queries.add(q.toString());
        }
        return queries;
    }

    Doc doc(int n, Random random) {
        var title = new StringBuilder();
        int titleWords = 3 + random.nextInt(6);
        for (int i = 0; i < titleWords; i++) {
            title.append(i == 0 ? "" : " ").append(word(random));
        }
        title.append(' ').append(n); // titles stay unique, slugs need no suffix search
        int length = 300 + random.nextInt(2_701);
        var body = new StringBuilder(length * 7);
        for (int i = 0; i < length; i++) {
            body.append(word(random));
            body.append(i % 120 == 119 ? "\n\n" : i % 15 == 14 ? ". " : " ");
        }
        var docTags = new ArrayList<String>();
        for (int i = 0, k = 1 + random.nextInt(3); i < k; i++) {
            String tag = tags.get(random.nextInt(tags.size()));
            if (!docTags.contains(tag)) {
                docTags.add(tag);
            }
        }
        return new Doc(title.toString(), body.toString(), docTags);
    }
}
