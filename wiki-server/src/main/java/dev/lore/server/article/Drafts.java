package dev.lore.server.article;

import dev.lore.graph.article.DraftStore;
import dev.lore.graph.article.DraftStore.Draft;
import dev.lore.graph.article.DraftStore.Target;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Autosaved editor drafts, one per person and page: checked for size, kept until the person saves
 * the page or discards the draft. Thread-safe.
 */
public final class Drafts {
    private static final int MAX_FIELD = 2_000;

    private final DraftStore store;
    private final Clock clock;

    public Drafts(DraftStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The fields of an editor as typed; absent ones are empty. */
    public record Input(String title, String markdown, String tags, String skills, Integer baseRevision) {}

    /**
     * Keeps the person's draft of {@code target} as of now.
     *
     * @throws NotFoundException if the page does not exist
     */
    public Draft save(String personId, Target target, Input input) {
        if (input.markdown() == null) {
            throw new InvalidInputException("markdown is required");
        }
        int bytes = input.markdown().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ArticleService.MAX_MARKDOWN_BYTES) {
            throw new TooLargeException(
                    "markdown must be at most " + ArticleService.MAX_MARKDOWN_BYTES + " bytes (1 MiB), was " + bytes);
        }
        int base = input.baseRevision() == null ? 0 : input.baseRevision();
        if (base < 0) {
            throw new InvalidInputException("baseRevision must be 0 or more, was " + base);
        }
        var draft = new Draft(
                field("title", input.title()),
                input.markdown().replace("\r\n", "\n"),
                field("tags", input.tags()),
                field("skills", input.skills()),
                base,
                clock.instant());
        if (!store.save(personId, target, draft)) {
            throw notFound(target);
        }
        return draft;
    }

    public Optional<Draft> find(String personId, Target target) {
        return store.find(personId, target);
    }

    public void discard(String personId, Target target) {
        store.discard(personId, target);
    }

    private static String field(String name, String value) {
        String v = value == null ? "" : value;
        if (v.length() > MAX_FIELD) {
            throw new InvalidInputException(name + " must be at most " + MAX_FIELD + " characters, was " + v.length());
        }
        return v;
    }

    private static NotFoundException notFound(Target target) {
        return new NotFoundException("no article at '" + target.slug().orElse("") + "'");
    }
}
