package dev.lore.graph.article;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.neo4j.driver.TransactionContext;

/**
 * The slugs a {@link HistoryBatch} gives new articles, chosen in memory: the slugs and redirects
 * starting with a base are read once (for many bases in one query), and what the batch takes
 * since is remembered, so a new page needs no round trip of its own. Not thread-safe.
 */
final class BatchSlugs {
    private final Set<String> loaded = new HashSet<>();
    private final Set<String> taken = new HashSet<>();

    /** Whether the slugs starting with {@code base} are known. */
    boolean knows(String base) {
        return loaded.contains(base);
    }

    /** Reads the slugs and redirects starting with each of {@code bases} not known yet, in one query. */
    void load(TransactionContext tx, Collection<String> bases) {
        var missing = new LinkedHashSet<String>();
        for (String base : bases) {
            if (!base.isEmpty() && !loaded.contains(base)) {
                missing.add(base);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        taken.addAll(Slugs.takenSlugs(tx, List.copyOf(missing)));
        loaded.addAll(missing);
    }

    /**
     * The first of base, base-2, base-3, ... that no article, redirect or earlier new page of the
     * batch uses, as {@link Slugs#freeSlugs} gives; it is taken from now on. The base must be known.
     */
    String take(String base) {
        String slug = base;
        for (int n = 2; taken.contains(slug); n++) {
            slug = base + "-" + n;
        }
        taken.add(slug);
        return slug;
    }

    /** A slug the batch gave an article in the graph (a new title). */
    void taken(String slug) {
        taken.add(slug);
    }

    /** Forgets everything: a delete freed slugs, which are read again when needed. */
    void forget() {
        loaded.clear();
        taken.clear();
    }
}
