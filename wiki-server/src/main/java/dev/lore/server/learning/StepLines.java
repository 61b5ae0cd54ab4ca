package dev.lore.server.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * The steps of the path form: one per line, {@code kind: ref | prompt}, where kind is article (the
 * default when left out), lesson (a lesson learned is an article) or question, ref a slug, a page's
 * title (resolved by {@link StepTitles}) or question id (a pasted {@code /wiki/slug} or {@code
 * /questions/id} works too) and the prompt optional. A colon after anything but those kinds is part
 * of a title. Blank lines are skipped.
 */
final class StepLines {
    private StepLines() {}

    static List<PathService.StepRequest> parse(String text) {
        var steps = new ArrayList<PathService.StepRequest>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.indexOf('|');
            String target = (bar < 0 ? line : line.substring(0, bar)).strip();
            String prompt = bar < 0 ? "" : line.substring(bar + 1).strip();
            String kind = "article";
            int colon = target.indexOf(':');
            if (colon > 0) {
                String head = target.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
                if (head.equals("article") || head.equals("question") || head.equals("lesson")) {
                    kind = head.equals("lesson") ? "article" : head;
                    target = target.substring(colon + 1).strip();
                }
            }
            if (target.startsWith("/wiki/")) {
                target = target.substring("/wiki/".length());
            } else if (target.startsWith("/questions/")) {
                kind = "question";
                target = target.substring("/questions/".length());
            }
            steps.add(new PathService.StepRequest(kind, target, prompt));
        }
        return steps;
    }

    /** {@code text} with {@code line} added as its last step. */
    static String append(String text, String line) {
        String kept = text.stripTrailing();
        return kept.isEmpty() ? line : kept + "\n" + line;
    }

    /**
     * {@code text} with the page of step {@code n} (blank lines do not count) replaced by {@code
     * target}, its reflection prompt kept; as it was when there is no step {@code n}.
     */
    static String replace(String text, int n, String target) {
        String[] lines = text.split("\\R", -1);
        int step = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || ++step != n) {
                continue;
            }
            int bar = lines[i].indexOf('|');
            lines[i] = bar < 0 ? target : target + " " + lines[i].substring(bar).strip();
            return String.join("\n", lines);
        }
        return text;
    }

    /** Whether a title reads back as itself in a line: no {@code |}, and no kind-like prefix. */
    static boolean plain(String title) {
        return !title.contains("|")
                && !title.matches("(?i)\\s*(article|question|lesson)\\s*:.*")
                && !title.startsWith("/");
    }
}
