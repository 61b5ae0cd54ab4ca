package dev.lore.ui.view.article;

import java.util.Optional;

/**
 * The editor, for a new article ({@code slug} empty) or an existing one. When a save hit a newer
 * revision, {@code conflict} carries that revision so the person can merge; their own text stays in
 * {@code markdown}. {@code previewHtml} is the server-rendered preview asked for without JavaScript.
 *
 * @param tags comma-separated
 * @param skills comma-separated
 * @param parent the slug of the page a new page goes under, or empty for the top level
 * @param restoredDraft when the fields hold the person's autosaved draft, how long ago it was saved
 */
public record EditView(
        boolean isNew,
        String slug,
        String title,
        String markdown,
        String tags,
        String skills,
        int baseRevision,
        String message,
        Optional<String> error,
        Optional<ConflictView> conflict,
        Optional<String> previewHtml,
        String parent,
        Optional<String> restoredDraft) {
    public EditView(
            boolean isNew,
            String slug,
            String title,
            String markdown,
            String tags,
            String skills,
            int baseRevision,
            String message,
            Optional<String> error,
            Optional<ConflictView> conflict,
            Optional<String> previewHtml) {
        this(isNew, slug, title, markdown, tags, skills, baseRevision, message, error, conflict, previewHtml, "");
    }

    public EditView(
            boolean isNew,
            String slug,
            String title,
            String markdown,
            String tags,
            String skills,
            int baseRevision,
            String message,
            Optional<String> error,
            Optional<ConflictView> conflict,
            Optional<String> previewHtml,
            String parent) {
        this(
                isNew,
                slug,
                title,
                markdown,
                tags,
                skills,
                baseRevision,
                message,
                error,
                conflict,
                previewHtml,
                parent,
                Optional.empty());
    }
}
