package dev.lore.server.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/** A readable line diff: changed lines with three lines of context, the rest folded into gaps. */
public final class LineDiff {
    private static final int CONTEXT = 3;

    /** One line; kind is same, added, removed or gap; a number is 0 where the line has no side. */
    public record Line(String kind, int oldNumber, int newNumber, String text) {}

    /** The diff and its counts. */
    public record Result(List<Line> lines, int added, int removed) {}

    private LineDiff() {}

    public static Result between(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        var all = new ArrayList<Line>();
        int i = 0;
        int j = 0;
        int added = 0;
        int removed = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int sourceAt = delta.getSource().getPosition();
            int targetAt = delta.getTarget().getPosition();
            while (i < sourceAt && j < targetAt) {
                all.add(new Line("same", i + 1, j + 1, a.get(i)));
                i++;
                j++;
            }
            for (String line : delta.getSource().getLines()) {
                all.add(new Line("removed", ++i, 0, line));
                removed++;
            }
            for (String line : delta.getTarget().getLines()) {
                all.add(new Line("added", 0, ++j, line));
                added++;
            }
        }
        while (i < a.size() && j < b.size()) {
            all.add(new Line("same", i + 1, j + 1, a.get(i)));
            i++;
            j++;
        }
        return new Result(fold(all), added, removed);
    }

    /** Keeps changed lines and their context; runs of unchanged lines beyond it become one gap. */
    private static List<Line> fold(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (!all.get(k).kind().equals("same")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        var folded = new ArrayList<Line>();
        int hidden = 0;
        for (int k = 0; k < all.size(); k++) {
            if (keep[k]) {
                if (hidden > 0) {
                    folded.add(new Line("gap", 0, 0, hidden + " unchanged lines"));
                    hidden = 0;
                }
                folded.add(all.get(k));
            } else {
                hidden++;
            }
        }
        if (hidden > 0 && !folded.isEmpty()) {
            folded.add(new Line("gap", 0, 0, hidden + " unchanged lines"));
        }
        return folded;
    }
}
