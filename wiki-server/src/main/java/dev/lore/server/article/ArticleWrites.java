package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleWrite;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.MarkdownRenderer;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.markdown.WikiLink;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns what a person submits into an article write: front matter, limits, labels and wiki links. */
final class ArticleWrites {
    private static final int MAX_LABELS = 30;
    private static final int MAX_LABEL_LENGTH = 60;
    private static final int MAX_MESSAGE = 500;

    private ArticleWrites() {}

    /**
     * Validates a save. On an update, a title, tags or skills given neither in the request nor in the
     * front matter stay as they are ({@code current}).
     */
    static ArticleWrite toWrite(
            MarkdownRenderer markdown,
            ArticleInput input,
            Optional<Article> current,
            String authorId,
            Instant at,
            String defaultMessage) {
        return toWrite(input, current, authorId, at, defaultMessage, () -> markdown.wikiLinks(input.markdown()));
    }

    /**
     * As {@link #toWrite(MarkdownRenderer, ArticleInput, Optional, String, Instant, String)}, with the
     * page's wiki links from {@code links}, asked once the input passed the checks before it (a bulk
     * import parses each page once for its links and its index text).
     */
    static ArticleWrite toWrite(
            ArticleInput input,
            Optional<Article> current,
            String authorId,
            Instant at,
            String defaultMessage,
            java.util.function.Supplier<List<WikiLink>> links) {
        if (input.markdown() == null) {
            throw new InvalidInputException("markdown is required");
        }
        requireSize(input.markdown());
        FrontMatter front = FrontMatter.parse(input.markdown());
        String title = dev.lore.server.web.Requests.requiredText(
                input.title()
                        .filter(t -> !t.isBlank())
                        .or(front::title)
                        .or(() -> current.map(Article::title))
                        .orElse(""),
                "title",
                ArticleService.MAX_TITLE);
        if (title.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("title must not contain control characters or line breaks");
        }
        List<String> tags = labels("tags", input.tags().orElse(orCurrent(front.tags(), current, Article::tags)), true);
        List<String> skills =
                labels("skills", input.skills().orElse(orCurrent(front.skills(), current, Article::skills)), false);
        String message =
                input.message().orElse(front.message().orElse(defaultMessage)).strip();
        if (message.length() > MAX_MESSAGE) {
            throw new InvalidInputException(
                    "message must be at most " + MAX_MESSAGE + " characters, was " + message.length());
        }
        List<String> linkKeys =
                links.get().stream().map(WikiLink::key).distinct().toList();
        return new ArticleWrite(
                title,
                Slugs.slugify(title),
                input.markdown(),
                tags,
                skills,
                input.owner().or(front::owner),
                linkKeys,
                message.isEmpty() ? defaultMessage : message,
                authorId,
                at,
                kind(input.kind().or(front::kind)));
    }

    /** The page kinds a save may name. */
    static final java.util.Set<String> KINDS = java.util.Set.of(Article.ARTICLE, Article.LESSON);

    private static Optional<String> kind(Optional<String> raw) {
        Optional<String> kind = raw.map(k -> k.strip().toLowerCase(Locale.ROOT));
        if (kind.isPresent() && !KINDS.contains(kind.get())) {
            throw new InvalidInputException("kind must be article or lesson, was '" + abbreviate(raw.get()) + "'");
        }
        return kind;
    }

    private static List<String> orCurrent(
            List<String> fromFront, Optional<Article> current, java.util.function.Function<Article, List<String>> get) {
        return fromFront.isEmpty() ? current.map(get).orElse(List.of()) : fromFront;
    }

    static void requireSize(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ArticleService.MAX_MARKDOWN_BYTES) {
            throw new TooLargeException(
                    "markdown must be at most " + ArticleService.MAX_MARKDOWN_BYTES + " bytes (1 MiB), was " + bytes);
        }
    }

    private static List<String> labels(String name, List<String> raw, boolean lowercase) {
        var clean = new LinkedHashSet<String>();
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            String v = value.strip();
            if (v.length() > MAX_LABEL_LENGTH || v.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException(
                        name + " must be 1-" + MAX_LABEL_LENGTH + " characters each, was '" + abbreviate(v) + "'");
            }
            clean.add(lowercase ? v.toLowerCase(Locale.ROOT) : v);
        }
        if (clean.size() > MAX_LABELS) {
            throw new InvalidInputException(name + " must be at most " + MAX_LABELS + ", was " + clean.size());
        }
        return new ArrayList<>(clean);
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
