package dev.lore.server.seed;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleSummary;
import dev.lore.server.article.ArticleService;
import dev.lore.server.markdown.FrontMatter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes every live article as {@code <slug>.md} with front matter (title, tags, skills, owner),
 * the same format {@link MarkdownImport} reads, so an export can be re-imported or kept in Git.
 */
public final class Export {
    private final ArticleService articles;

    public Export(ArticleService articles) {
        this.articles = articles;
    }

    /** Returns how many articles were written. */
    public int exportTo(Path dir, Progress progress) {
        try {
            Files.createDirectories(dir);
            long total = articles.count();
            int written = 0;
            for (int offset = 0; offset < total; offset += 200) {
                for (ArticleSummary summary : articles.list(offset, 200)) {
                    Article a = articles.find(summary.slug()).article();
                    Files.writeString(dir.resolve(a.slug() + ".md"), toMarkdown(a), StandardCharsets.UTF_8);
                    progress.update(++written, (int) total, "articles");
                }
            }
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export to " + dir, e);
        }
    }

    static String toMarkdown(Article a) {
        var out = new StringBuilder("---\n");
        out.append("title: ").append(quote(a.title())).append('\n');
        out.append("tags: ").append(list(a.tags())).append('\n');
        out.append("skills: ").append(list(a.skills())).append('\n');
        a.owner().ifPresent(owner -> out.append("owner: ").append(quote(owner)).append('\n'));
        out.append("---\n");
        out.append(FrontMatter.parse(a.markdown()).body());
        return out.toString();
    }

    private static String list(List<String> values) {
        return values.stream().map(Export::quote).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
