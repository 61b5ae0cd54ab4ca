package dev.lore.server.learning;

import dev.lore.graph.learning.PathStore;
import dev.lore.graph.learning.StepInput;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.markdown.Slugs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The path form's steps named the way people name pages: an article step may give the page's
 * title (or words of it) instead of its address. An address that names a live page wins; then a
 * title matched exactly (ignoring case); then the one page whose title contains the words. Several
 * such pages are a 400 that lists them, so the builder can paste the whole title. The JSON API
 * takes addresses only, as before.
 */
final class StepTitles {
    private static final int CANDIDATES = 6;

    private final PathStore store;

    StepTitles(PathStore store) {
        this.store = store;
    }

    List<PathService.StepRequest> resolve(List<PathService.StepRequest> steps) {
        var resolved = new ArrayList<PathService.StepRequest>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            var s = steps.get(i);
            resolved.add(
                    StepInput.ARTICLE.equals(s.kind())
                            ? new PathService.StepRequest(s.kind(), slugFor(i + 1, s.ref()), s.prompt())
                            : s);
        }
        return resolved;
    }

    /** An article step of the form that names no live page, or several: its number and text. */
    record Unclear(int n, String text) {}

    /** The first article step that names no live page or several pages, if any. */
    Optional<Unclear> firstUnclear(List<PathService.StepRequest> steps) {
        for (int i = 0; i < steps.size(); i++) {
            var s = steps.get(i);
            if (!StepInput.ARTICLE.equals(s.kind())
                    || s.ref() == null
                    || s.ref().isBlank()) {
                continue;
            }
            try {
                if (!isLive(slugFor(i + 1, s.ref()))) {
                    return Optional.of(new Unclear(i + 1, s.ref().strip()));
                }
            } catch (InvalidInputException e) {
                return Optional.of(new Unclear(i + 1, s.ref().strip()));
            }
        }
        return Optional.empty();
    }

    /**
     * How a step line names the live page at {@code slug}: its title when that reads back as this
     * page alone, else its address; empty when there is no such page.
     */
    Optional<String> lineFor(String slug) {
        return store.liveArticleTitle(slug).map(title -> {
            var same = store.articlesTitled(title, 2);
            boolean unique = same.size() == 1 && same.getFirst().slug().equals(slug);
            return unique && StepLines.plain(title) ? title : slug;
        });
    }

    private String slugFor(int n, String ref) {
        String text = ref == null ? "" : ref.strip();
        if (text.isEmpty() || isLive(text)) {
            return text;
        }
        var found = store.articlesTitled(text, CANDIDATES);
        if (found.size() == 1) {
            return found.getFirst().slug();
        }
        Optional<String> slugified = Optional.of(Slugs.slugify(text)).filter(s -> !s.isBlank() && isLive(s));
        if (slugified.isPresent()) {
            return slugified.get();
        }
        if (found.size() > 1) {
            throw new InvalidInputException("step " + n + ": several pages match '" + text + "': "
                    + found.stream().map(t -> t.title()).collect(Collectors.joining(", "))
                    + "; write the whole title");
        }
        return text; // the path's own check says no live article has it
    }

    private boolean isLive(String slug) {
        return store.unresolved(List.of(new StepInput(StepInput.ARTICLE, slug, Optional.empty())))
                .isEmpty();
    }
}
