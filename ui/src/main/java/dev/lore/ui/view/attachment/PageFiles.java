package dev.lore.ui.view.attachment;

import java.util.List;
import java.util.Map;

/**
 * The files of the page being shown: those of the page itself and, on a question, those of each
 * answer, with what an upload form needs to say where a file goes.
 *
 * @param kind {@code article} or {@code question}: the upload form's field naming the page
 * @param key the article's slug or the question's id
 * @param back where a plain upload goes back to (the page, or its editor)
 * @param answers each answer's files, by answer id
 */
public record PageFiles(
        String kind, String key, String back, List<FileItem> files, Map<String, List<FileItem>> answers) {
    public List<FileItem> ofAnswer(String answerId) {
        return answers.getOrDefault(answerId, List.of());
    }
}
