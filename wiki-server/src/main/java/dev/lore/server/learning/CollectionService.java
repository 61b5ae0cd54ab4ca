package dev.lore.server.learning;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.learning.CollectionStore;
import dev.lore.graph.learning.FeaturedCollection;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.Requests;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Featured collections: champions pick articles, in order, for the home page and for a skill's
 * page. Thread-safe.
 */
public final class CollectionService {
    private static final Logger LOG = LoggerFactory.getLogger(CollectionService.class);
    static final int MAX_TITLE = 200;
    public static final int MAX_ARTICLES = 50;
    static final int MAX_DESCRIPTION = 1000;

    private final CollectionStore store;
    private final dev.lore.graph.learning.CollectionsFor relevance;
    private final Clock clock;

    public CollectionService(CollectionStore store, dev.lore.graph.learning.CollectionsFor relevance, Clock clock) {
        this.store = store;
        this.relevance = relevance;
        this.clock = clock;
    }

    /** A collection as asked for: {@code articles} are slugs, in order; {@code description} is optional. */
    public record CollectionRequest(
            String title, String description, String skill, Boolean onHome, List<String> articles) {}

    public FeaturedCollection create(CollectionRequest request, Person by) {
        requireChampion(by);
        return store.create(validate(request, Set.of()), by.id(), clock.instant());
    }

    public FeaturedCollection update(String id, CollectionRequest request, Person by) {
        requireChampion(by);
        get(id);
        return store.update(id, validate(request, Set.of()), clock.instant());
    }

    /** Deletes a collection; its articles stay. */
    public void delete(String id, Person by) {
        requireChampion(by);
        if (!store.delete(id)) {
            throw new NoSuchEntityException("collection", id);
        }
        LOG.info("{} deleted the featured collection {}", by.id(), id);
    }

    public FeaturedCollection get(String id) {
        return store.find(id).orElseThrow(() -> new NoSuchEntityException("collection", id));
    }

    public List<FeaturedCollection> all() {
        return store.list(false, Optional.empty());
    }

    /** Collections shown on the home page. */
    public List<FeaturedCollection> onHome() {
        return store.list(true, Optional.empty());
    }

    /**
     * The home page's collections for {@code viewer}: those about their skills (had or wanted)
     * first, then those of their team (built by a teammate, or featuring pages their team owns),
     * then the rest of the home page's; a collection of theirs that is not on the home page is
     * shown too. Nobody signed in gets the home page's collections.
     */
    public List<FeaturedCollection> forHome(Optional<Person> viewer) {
        if (viewer.isEmpty()) {
            return onHome();
        }
        var weights = new java.util.HashMap<String, Integer>();
        relevance.of(viewer.get().id()).forEach(r -> weights.put(r.id(), r.weight()));
        return all().stream()
                .filter(c -> c.onHome() || weights.containsKey(c.id()))
                .sorted(java.util.Comparator.comparing((FeaturedCollection c) -> -weights.getOrDefault(c.id(), 0)))
                .toList();
    }

    /** Collections about {@code skill}, any spelling Lore folds to the same skill. */
    public List<FeaturedCollection> forSkill(String skill) {
        String key = SkillNames.key(skill);
        return key.isEmpty() ? List.of() : store.list(false, Optional.of(key));
    }

    /** Creates a collection from a seed pack, or updates the one with the same title. */
    public FeaturedCollection importCollection(CollectionRequest request, String byId) {
        CollectionStore.CollectionInput input = validate(request, Set.of());
        return store.idByTitle(input.title())
                .map(id -> store.update(id, input, clock.instant()))
                .orElseGet(() -> store.create(input, byId, clock.instant()));
    }

    /**
     * Checks a seed pack's collection as {@link #importCollection} will, before the pack is
     * written: its articles may also be among {@code comingSlugs}, the pages the pack will write.
     *
     * @throws InvalidInputException for what {@link #importCollection} would refuse
     */
    public void checkImport(CollectionRequest request, Set<String> comingSlugs) {
        validate(request, comingSlugs);
    }

    private static void requireChampion(Person person) {
        if (!AuthService.roleOf(person).atLeast(Role.CHAMPION)) {
            throw new ForbiddenException("only champions curate featured collections");
        }
    }

    /** Checks a request; articles among {@code comingSlugs} count as live. */
    private CollectionStore.CollectionInput validate(CollectionRequest r, Set<String> comingSlugs) {
        String title = Requests.requiredText(r.title(), "title", MAX_TITLE);
        String description = Requests.optionalText(r.description(), "description", MAX_DESCRIPTION);
        Optional<String> skill =
                Optional.ofNullable(r.skill()).map(String::strip).filter(s -> !s.isEmpty());
        List<String> slugs = Optional.ofNullable(r.articles()).orElse(List.of()).stream()
                .map(s -> s == null ? "" : s.strip())
                .distinct()
                .toList();
        if (slugs.isEmpty() || slugs.size() > MAX_ARTICLES) {
            throw new InvalidInputException("a collection needs 1-" + MAX_ARTICLES + " articles, was " + slugs.size());
        }
        List<String> missing = store.unresolved(slugs).stream()
                .filter(slug -> !comingSlugs.contains(slug))
                .toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("no live article '" + missing.getFirst() + "'");
        }
        return new CollectionStore.CollectionInput(title, description, skill, Boolean.TRUE.equals(r.onHome()), slugs);
    }
}
