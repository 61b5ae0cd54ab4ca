package dev.lore.indexer;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words of a question that say it is a question rather than what it is about ("who", "how",
 * "my", "do", "can"). They are not stop words in the index (Lucene's English set has none of them,
 * and a page may well be about "who we are"), but in a search that also has words carrying
 * meaning they only make every page a weak match: "who is my buddy" found all 49 pages of the seed
 * pack through "who" and "my". When a search has at least one other word, these are left out of
 * what must match; a search made of nothing else ("who am I") keeps them.
 */
final class QuestionWords {
    private static final Set<String> WORDS = Set.of(
            "who",
            "whom",
            "whose",
            "what",
            "which",
            "where",
            "when",
            "why",
            "how",
            "i",
            "me",
            "my",
            "mine",
            "myself",
            "we",
            "us",
            "our",
            "ours",
            "you",
            "your",
            "yours",
            "do",
            "does",
            "did",
            "can",
            "could",
            "should",
            "would",
            "shall",
            "may",
            "might",
            "must",
            "am",
            "anyone",
            "someone",
            "somebody",
            "anybody");

    private QuestionWords() {}

    /** {@code words} without the question words, unless nothing else would be left. */
    static List<String> meaningOf(List<String> words) {
        List<String> carrying = words.stream().filter(w -> !isQuestionWord(w)).toList();
        return carrying.isEmpty() ? words : carrying;
    }

    static boolean isQuestionWord(String word) {
        String bare = word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
        return WORDS.contains(bare);
    }
}
