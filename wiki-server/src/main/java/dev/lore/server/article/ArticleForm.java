package dev.lore.server.article;

import dev.lore.server.error.InvalidInputException;
import dev.lore.ui.view.article.ConflictView;
import dev.lore.ui.view.article.EditView;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The article editor's fields as submitted. {@code preview} is set by the preview button that browsers
 * without JavaScript see: show the rendered draft instead of saving.
 */
record ArticleForm(
        String title,
        String markdown,
        String tags,
        String skills,
        String message,
        String baseRevisionText,
        String preview,
        String parent) {
    static ArticleForm of(Context ctx) {
        return new ArticleForm(
                param(ctx, "title"),
                param(ctx, "markdown").replace("\r\n", "\n"),
                param(ctx, "tags"),
                param(ctx, "skills"),
                param(ctx, "message"),
                param(ctx, "baseRevision"),
                param(ctx, "preview"),
                param(ctx, "parent").strip());
    }

    boolean wantsPreview() {
        return !preview.isBlank();
    }

    EditView previewing(boolean isNew, String slug, int base, ArticleService articles) {
        String html = articles.preview(markdown).html();
        return new EditView(
                isNew,
                slug,
                title,
                markdown,
                tags,
                skills,
                base,
                message,
                Optional.empty(),
                Optional.empty(),
                Optional.of(html),
                parent);
    }

    ArticleInput input() {
        return new ArticleInput(
                Optional.of(title),
                markdown,
                Optional.of(split(tags)),
                Optional.of(split(skills)),
                Optional.empty(),
                Optional.of(message).filter(m -> !m.isBlank()));
    }

    int baseRevision() {
        try {
            return Integer.parseInt(baseRevisionText.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("baseRevision must be a number, was '" + baseRevisionText + "'");
        }
    }

    EditView edit(boolean isNew, String slug, int base, Optional<String> error, Optional<ConflictView> conflict) {
        return new EditView(
                isNew, slug, title, markdown, tags, skills, base, message, error, conflict, Optional.empty(), parent);
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.formParam(name)).orElse("");
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
