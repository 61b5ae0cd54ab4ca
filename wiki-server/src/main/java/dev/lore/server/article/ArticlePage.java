package dev.lore.server.article;

import dev.lore.graph.article.Article;
import dev.lore.graph.article.ArticleSummary;
import dev.lore.graph.article.Contributor;
import dev.lore.server.markdown.Rendered;
import java.util.List;
import java.util.Optional;

/** Everything an article page shows. */
public record ArticlePage(
        Article article,
        Rendered rendered,
        List<Contributor> contributors,
        List<ArticleSummary> backlinks,
        Optional<String> redirectedFrom) {}
