package dev.lore.indexer;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;

/**
 * Sentence boundaries for snippets, found in one pass: a boundary follows '.', '!', '?' or a line
 * break and the spaces after it. The JDK's sentence iterator gives nicer boundaries in rare cases
 * (abbreviations) but answers {@code preceding}/{@code following} by re-scanning text, which made
 * highlighting long articles the largest cost of a search; here they are binary searches.
 */
final class SentenceBreaks extends BreakIterator {
    private CharacterIterator text = new StringCharacterIterator("");
    private int[] bounds = {0};
    private int count = 1;
    private int current;

    @Override
    public void setText(String newText) {
        text = new StringCharacterIterator(newText);
        index(newText);
    }

    @Override
    public void setText(CharacterIterator newText) {
        var sb = new StringBuilder(newText.getEndIndex() - newText.getBeginIndex());
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            sb.append(c);
        }
        text = newText;
        index(sb.toString());
    }

    private void index(String s) {
        int[] found = new int[16];
        int n = 0;
        found[n++] = 0;
        int length = s.length();
        int i = 0;
        while (i < length) {
            char c = s.charAt(i++);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                boolean end = c == '\n' || i == length || Character.isWhitespace(s.charAt(i));
                if (!end) {
                    continue;
                }
                while (i < length && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i < length) {
                    if (n == found.length) {
                        found = Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i;
                }
            }
        }
        if (length > 0) {
            if (n == found.length) {
                found = Arrays.copyOf(found, n + 1);
            }
            found[n++] = length;
        }
        bounds = found;
        count = n;
        current = 0;
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public int first() {
        current = 0;
        return bounds[0];
    }

    @Override
    public int last() {
        current = count - 1;
        return bounds[current];
    }

    @Override
    public int next(int n) {
        int target = current + n;
        if (target < 0 || target >= count) {
            current = target < 0 ? 0 : count - 1;
            return DONE;
        }
        current = target;
        return bounds[current];
    }

    @Override
    public int next() {
        return next(1);
    }

    @Override
    public int previous() {
        return next(-1);
    }

    @Override
    public int current() {
        return bounds[current];
    }

    /** The first boundary after {@code offset}, or DONE. */
    @Override
    public int following(int offset) {
        int at = Arrays.binarySearch(bounds, 0, count, offset);
        int next = at >= 0 ? at + 1 : -at - 1;
        if (next >= count) {
            current = count - 1;
            return DONE;
        }
        current = next;
        return bounds[current];
    }

    /** The last boundary before {@code offset}, or DONE. */
    @Override
    public int preceding(int offset) {
        int at = Arrays.binarySearch(bounds, 0, count, offset);
        int prev = at >= 0 ? at - 1 : -at - 2;
        if (prev < 0) {
            current = 0;
            return DONE;
        }
        current = prev;
        return bounds[current];
    }

    @Override
    public boolean isBoundary(int offset) {
        return Arrays.binarySearch(bounds, 0, count, offset) >= 0;
    }
}
