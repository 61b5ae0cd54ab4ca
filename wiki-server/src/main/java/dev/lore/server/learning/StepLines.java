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

    /** Whether a title reads back as itself in a line: no {@code |}, and no kind-like prefix. */
    static boolean plain(String title) {
        return !title.contains("|")
                && !title.matches("(?i)\\s*(article|question|lesson)\\s*:.*")
                && !title.startsWith("/");
    }
}
