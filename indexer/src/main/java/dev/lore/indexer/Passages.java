package dev.lore.indexer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a document into the passages that are embedded: a heading starts a new passage, and lines
 * (paragraphs) are gathered until {@link #MAX_WORDS} words, which keeps a passage with its title
 * inside the model's 512-token window. Each passage's text starts with the document's title, so a
 * passage about "rotation" under "Break-glass credentials" still knows what it rotates.
 */
final class Passages {
    /** About 400 tokens of English with the title: inside the window, with room for long words. */
    static final int MAX_WORDS = 300;
    /** A very long page is embedded up to here; the lexical index still has all of it. */
    static final int MAX_PASSAGES = 32;

    /** A passage: its place in the body and the text that is embedded (title first). */
    record Passage(int start, int end, String text) {}

    private Passages() {}

    /** The document types that get passages: what people write at length. */
    static boolean embeds(IndexDoc doc) {
        return doc.type().equals("article") || doc.type().equals("question");
    }

    static List<Passage> of(IndexDoc doc) {
        String body = doc.body();
        Set<String> headings = new HashSet<>();
        for (String h : doc.headings()) {
            headings.add(h.strip().toLowerCase(Locale.ROOT));
        }
        var out = new ArrayList<Passage>();
        int start = -1;
        int end = 0;
        int words = 0;
        int at = 0;
        while (at <= body.length() && out.size() < MAX_PASSAGES) {
            int nl = body.indexOf('\n', at);
            int lineEnd = nl < 0 ? body.length() : nl;
            String line = body.substring(at, lineEnd).strip();
            if (!line.isEmpty()) {
                int n = wordCount(line);
                boolean heading = headings.contains(line.toLowerCase(Locale.ROOT));
                if (start >= 0 && (heading || words + n > MAX_WORDS)) {
                    out.add(passage(doc, start, end));
                    start = -1;
                    words = 0;
                }
                if (n > MAX_WORDS) { // one long paragraph: cut it by words
                    cutLong(doc, at, lineEnd, out);
                } else {
                    if (start < 0) {
                        start = at;
                    }
                    end = lineEnd;
                    words += n;
                }
            }
            if (nl < 0) {
                break;
            }
            at = nl + 1;
        }
        if (start >= 0 && out.size() < MAX_PASSAGES) {
            out.add(passage(doc, start, end));
        }
        if (out.isEmpty()) {
            out.add(new Passage(0, 0, doc.title()));
        }
        return out.size() > MAX_PASSAGES ? out.subList(0, MAX_PASSAGES) : out;
    }

    private static void cutLong(IndexDoc doc, int from, int to, List<Passage> out) {
        String body = doc.body();
        int start = from;
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to && out.size() < MAX_PASSAGES; i++) {
            boolean space = Character.isWhitespace(body.charAt(i));
            if (!space && !inWord) {
                if (words == MAX_WORDS) {
                    out.add(passage(doc, start, i));
                    start = i;
                    words = 0;
                }
                words++;
            }
            inWord = !space;
        }
        if (start < to && out.size() < MAX_PASSAGES) {
            out.add(passage(doc, start, to));
        }
    }

    private static Passage passage(IndexDoc doc, int start, int end) {
        String text = doc.body().substring(start, end).strip();
        return new Passage(start, end, doc.title().isBlank() ? text : doc.title() + "\n\n" + text);
    }

    static int wordCount(String s) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                n++;
            }
            inWord = !space;
        }
        return n;
    }
}
