package dev.lore.server.home;

import dev.lore.graph.Graph;
import dev.lore.graph.GraphVersion;
import dev.lore.graph.article.ArticleSummary;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The home page's figures that are the same for every reader: the recently updated pages and how
 * many pages and people there are. Reading them walks every article (a sort and two counts), so
 * they are kept with the graph's version ({@link GraphVersion}) read before them, and read again
 * once any server's write has moved it. Thread-safe.
 */
final class HomeFigures {
    /** The figures, as the graph had them at {@code graphVersion}. */
    record Figures(long graphVersion, List<ArticleSummary> recent, long articles, long people) {}

    private final Graph graph;
    private final Supplier<List<ArticleSummary>> recent;
    private final Supplier<Long> articles;
    private final Supplier<Long> people;
    private final AtomicReference<Figures> kept = new AtomicReference<>();

    HomeFigures(Graph graph, Supplier<List<ArticleSummary>> recent, Supplier<Long> articles, Supplier<Long> people) {
        this.graph = graph;
        this.recent = recent;
        this.articles = articles;
        this.people = people;
    }

    Figures now() {
        long version = GraphVersion.read(graph); // before the reads: a change during them makes them stale
        Figures figures = kept.get();
        if (figures != null && figures.graphVersion() == version) {
            return figures;
        }
        figures = new Figures(version, List.copyOf(recent.get()), articles.get(), people.get());
        kept.set(figures);
        return figures;
    }
}
