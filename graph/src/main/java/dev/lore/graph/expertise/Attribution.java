package dev.lore.graph.expertise;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who wrote which line of an article's current text, the way {@code git blame} answers it: a line
 * kept from the previous revision keeps its author, a new or changed line belongs to whoever saved
 * it. One difference from blame, because a wiki has "restore": a line that comes back exactly as
 * it was in a recent earlier revision (a revert, an undo) goes back to the person who first wrote
 * it, not to whoever clicked restore. Lines compare with trailing whitespace ignored; blank lines
 * have no author and do not count towards shares.
 */
public final class Attribution {
    /** Shorter lines are too generic to be recognised as someone's earlier line. */
    static final int MIN_TRACKED_LENGTH = 12;

    private Attribution() {}

    /** Splits Markdown into the lines attribution works on. */
    public static List<String> lines(String markdown) {
        if (markdown.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<String>();
        for (String line : markdown.split("\r?\n", -1)) {
            out.add(line.stripTrailing());
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return out;
    }

    /**
     * The authors of {@code newText}'s lines after {@code author} saved it on top of a revision
     * whose lines and authors are {@code previousLines}/{@code previousAuthors}.
     *
     * @param earlier lines and authors of older revisions (most recent first), for reverts; may be
     *     empty
     * @return one entry per line of {@code lines(newText)}: a person id, or "" for a blank line
     */
    public static List<String> carry(
            List<String> previousLines,
            List<String> previousAuthors,
            String newText,
            String author,
            List<Attributed> earlier) {
        return carried(previousLines, previousAuthors, newText, author, earlier).authors();
    }

    /**
     * What a save did to an article's non-blank lines, the way {@code git diff --numstat} counts
     * them: a changed line is one removed and one added. Blank lines count for neither.
     */
    public record Change(int added, int removed) {
        public static final Change NONE = new Change(0, 0);

        public Change plus(Change other) {
            return new Change(added + other.added, removed + other.removed);
        }
    }

    /** The line authors after a save ({@link #carry}) and the lines it added and removed. */
    public record Carried(List<String> authors, Change change) {}

    /** {@link #carry} with the save's {@link Change}, from the same diff. */
    public static Carried carried(
            List<String> previousLines,
            List<String> previousAuthors,
            String newText,
            String author,
            List<Attributed> earlier) {
        Objects.requireNonNull(author, "author must not be null");
        if (previousLines.size() != previousAuthors.size()) {
            throw new IllegalArgumentException("previous lines and authors differ in length");
        }
        List<String> next = lines(newText);
        var authors = new ArrayList<String>(next.size());
        var deltas = DiffUtils.diff(previousLines, next).getDeltas();
        int source = 0;
        int target = 0;
        Map<String, String> origins = null;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : deltas) {
            added += nonBlank(delta.getTarget().getLines());
            removed += nonBlank(delta.getSource().getLines());
            int deltaTarget = delta.getTarget().getPosition();
            while (target < deltaTarget) { // unchanged run before this change
                authors.add(previousAuthors.get(source++));
                target++;
            }
            for (String line : delta.getTarget().getLines()) {
                if (line.isBlank()) {
                    authors.add("");
                } else if (line.strip().length() < MIN_TRACKED_LENGTH) {
                    authors.add(author); // a fence or a lone "---" is not somebody's earlier work
                } else {
                    if (origins == null) {
                        origins = origins(previousLines, previousAuthors, earlier);
                    }
                    authors.add(origins.getOrDefault(line, author));
                }
                target++;
            }
            source = delta.getSource().getPosition() + delta.getSource().size();
        }
        while (target < next.size()) {
            authors.add(previousAuthors.get(source++));
            target++;
        }
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).isBlank()) {
                authors.set(i, "");
            }
        }
        return new Carried(authors, new Change(added, removed));
    }

    /** The non-blank lines {@code newText} adds to and removes from {@code previousText}. */
    public static Change change(String previousText, String newText) {
        List<String> before = lines(previousText);
        List<String> after = lines(newText);
        if (before.isEmpty()) {
            return new Change(nonBlank(after), 0);
        }
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(before, after).getDeltas()) {
            added += nonBlank(delta.getTarget().getLines());
            removed += nonBlank(delta.getSource().getLines());
        }
        return new Change(added, removed);
    }

    private static int nonBlank(List<String> lines) {
        int n = 0;
        for (String line : lines) {
            if (!line.isBlank()) {
                n++;
            }
        }
        return n;
    }

    /** The lines and their authors of one earlier revision. */
    public record Attributed(List<String> lines, List<String> authors) {
        public Attributed {
            if (lines.size() != authors.size()) {
                throw new IllegalArgumentException("lines and authors differ in length");
            }
        }
    }

    /**
     * For each non-blank line text in earlier revisions, the author of its oldest occurrence seen:
     * later revisions are listed first, so older ones overwrite.
     */
    private static Map<String, String> origins(
            List<String> previousLines, List<String> previousAuthors, List<Attributed> earlier) {
        var origin = new HashMap<String, String>();
        record(origin, previousLines, previousAuthors);
        for (Attributed revision : earlier) {
            record(origin, revision.lines(), revision.authors());
        }
        return origin;
    }

    private static void record(Map<String, String> origin, List<String> lines, List<String> authors) {
        for (int i = 0; i < lines.size(); i++) {
            if (!authors.get(i).isEmpty()) {
                origin.put(lines.get(i), authors.get(i));
            }
        }
    }

    /** Each author's share of the non-blank lines, largest first; empty for an empty text. */
    public static Map<String, Double> shares(List<String> lineAuthors) {
        var counts = new HashMap<String, Integer>();
        int total = 0;
        for (String author : lineAuthors) {
            if (!author.isEmpty()) {
                counts.merge(author, 1, Integer::sum);
                total++;
            }
        }
        var out = new LinkedHashMap<String, Double>();
        int all = total;
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.put(e.getKey(), e.getValue() / (double) all));
        return out;
    }
}
