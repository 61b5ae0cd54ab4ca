package dev.lore.server.learning;

import dev.lore.graph.learning.PathStore.Titled;
import dev.lore.indexer.LoreIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages a champion may mean by what they typed for a path step: pages whose title is the text
 * (ignoring case) first, then pages whose title contains it, then titles that complete it as typed
 * (a word cut short or misspelled by a letter), then the pages the search index ranks highest for
 * its words. Only live pages; at most {@link #LIMIT}. Thread-safe.
 */
public final class StepCandidates {
    private static final Logger LOG = LoggerFactory.getLogger(StepCandidates.class);

    /** How many candidates the form offers. */
    static final int LIMIT = 6;

    private static final int MAX_TEXT = 200;

    private final PathService paths;
    private final Optional<LoreIndex> index;

    /** @param index the search index; without it only titles are matched */
    public StepCandidates(PathService paths, Optional<LoreIndex> index) {
        this.paths = paths;
        this.index = index;
    }

    /** A page a step could point at. */
    public record Candidate(String slug, String title) {}

    /** The candidates for {@code text}, best first; none for blank text. */
    List<Candidate> find(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        if (typed.length() > MAX_TEXT) {
            typed = typed.substring(0, MAX_TEXT);
        }
        var found = new LinkedHashMap<String, String>();
        for (Titled t : paths.pagesTitled(typed, LIMIT)) {
            found.putIfAbsent(t.slug(), t.title());
        }
        if (found.size() < LIMIT && index.isPresent()) {
            fromIndex(index.get(), typed, found);
        }
        var out = new ArrayList<Candidate>();
        found.forEach((slug, title) -> out.add(new Candidate(slug, title)));
        return out.size() > LIMIT ? List.copyOf(out.subList(0, LIMIT)) : out;
    }

    private void fromIndex(LoreIndex index, String typed, LinkedHashMap<String, String> found) {
        try {
            var pages = new LinkedHashMap<String, String>();
            for (LoreIndex.Suggestion s : index.suggest(typed, LIMIT * 2)) {
                if ("article".equals(s.type())) {
                    pages.putIfAbsent(s.slug(), s.title());
                }
            }
            for (LoreIndex.Scored s : index.topDocuments(typed, List.of("article"), LIMIT * 2)) {
                pages.putIfAbsent(s.slug(), s.title());
            }
            // the index may lag a delete by a moment: only pages the graph has live
            var live = paths.livePages(List.copyOf(pages.keySet()));
            pages.forEach((slug, title) -> {
                if (live.contains(slug)) {
                    found.putIfAbsent(slug, title);
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("Could not search for path step candidates: {}", e.toString());
        }
    }
}
