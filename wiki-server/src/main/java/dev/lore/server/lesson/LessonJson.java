package dev.lore.server.lesson;

import dev.lore.graph.lesson.LessonInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** A lesson as JSON. Its author is named only when {@code showAuthor} (champions, admins, the author). */
final class LessonJson {
    private LessonJson() {}

    /** Whom readers see as the lesson's author: a team, "Shared anonymously", or null for attributed. */
    static String creditName(LessonInfo l) {
        if (!l.teamShared()) {
            return null;
        }
        return l.sharedAs().map(t -> t + " team").orElse("Shared anonymously");
    }

    static Map<String, Object> of(LessonInfo l, boolean showAuthor, long savedCount, boolean savedByMe) {
        var json = new LinkedHashMap<String, Object>();
        json.put("slug", l.slug());
        json.put("title", l.title());
        json.put("kind", "lesson");
        json.put("sharing", l.sharing().id());
        if (l.teamShared()) {
            json.put("sharedBy", Map.of("team", l.sharedAs().orElse(""), "name", creditName(l)));
        }
        json.put("review", l.review());
        json.put("incident", l.incident().orElse(null));
        json.put("savedTime", Map.of("count", savedCount, "mine", savedByMe));
        if (showAuthor) {
            json.put("author", l.authorId());
        }
        return json;
    }
}
