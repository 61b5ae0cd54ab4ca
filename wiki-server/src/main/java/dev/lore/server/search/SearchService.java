package dev.lore.server.search;

import dev.lore.graph.person.Person;
import dev.lore.graph.search.DirectoryStore;
import dev.lore.graph.search.SearchLogStore;
import dev.lore.indexer.LoreIndex;
import dev.lore.indexer.SearchRequest;
import dev.lore.indexer.SearchResults;
import dev.lore.indexer.UserQuery;
import dev.lore.server.BatchWriter;
import dev.lore.server.error.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search the API, the pages and the SciFact evaluation all use: index hits with facets and
 * spelling help, cards for people and skills the query names, and a log of every search (written
 * in the background so it never slows a search down) for champions to learn what people fail to
 * find. Thread-safe.
 */
public final class SearchService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    /** How long a read of the log (a click, the misses) waits for the searches logged before it. */
    private static final Duration READ_WAIT = Duration.ofSeconds(5);

    public static final Set<String> TYPES = Set.of("article", "lesson", "question", "person", "skill", "attachment");
    public static final Set<String> FRESHNESS = Set.of("week", "month", "year", "older");

    private final LoreIndex index;
    private final SearchLogStore log;
    private final DirectoryStore directory;
    private final Clock clock;
    /** Searches are logged behind the search, many per transaction, at most 10,000 waiting. */
    private final BatchWriter<SearchLogStore.Search> logWriter;

    public SearchService(LoreIndex index, SearchLogStore log, DirectoryStore directory, Clock clock) {
        this.index = index;
        this.log = log;
        this.directory = directory;
        this.clock = clock;
        this.logWriter = new BatchWriter<>("search log", "lore-search-log", log::recordAll, 1_000, 10_000);
    }

    /** A search as asked over HTTP, already validated by {@link #query}. */
    public record Query(
            String text,
            List<String> types,
            List<String> tags,
            List<String> skills,
            List<String> authors,
            String updated,
            SearchRequest.Order order,
            int page,
            int size) {}

    /** What a search found; {@code searchId} identifies it for click logging. */
    public record Outcome(
            String searchId,
            SearchResults results,
            List<DirectoryStore.PersonCard> people,
            List<DirectoryStore.SkillCard> skills) {}

    /** Validates raw parameters into a query; unknown type, freshness or order values are a 400. */
    public static Query query(
            String text,
            List<String> types,
            List<String> tags,
            List<String> skills,
            List<String> authors,
            String updated,
            String sort,
            int page,
            int size) {
        for (String type : types) {
            if (!TYPES.contains(type)) {
                throw new InvalidInputException("type must be one of " + TYPES + ", was '" + type + "'");
            }
        }
        String fresh = updated == null ? "" : updated.strip().toLowerCase(Locale.ROOT);
        if (!fresh.isEmpty() && !FRESHNESS.contains(fresh)) {
            throw new InvalidInputException("updated must be week, month, year or older, was '" + updated + "'");
        }
        SearchRequest.Order order;
        switch (sort == null ? "" : sort.strip().toLowerCase(Locale.ROOT)) {
            case "", "relevance" -> order = SearchRequest.Order.RELEVANCE;
            case "recent", "updated" -> order = SearchRequest.Order.RECENT;
            default -> throw new InvalidInputException("sort must be relevance or recent, was '" + sort + "'");
        }
        return new Query(text == null ? "" : text, types, tags, skills, authors, fresh, order, page, size);
    }

    public Outcome search(Query q, Optional<Person> who) {
        var request = new SearchRequest(
                q.text(),
                q.types(),
                q.tags(),
                q.skills(),
                q.authors(),
                q.updated(),
                q.order(),
                clock.instant(),
                (q.page() - 1) * q.size(),
                q.size());
        SearchResults results = index.search(request);
        UserQuery parsed = UserQuery.parse(q.text());
        List<String> words =
                parsed.words().stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
        var named = q.page() == 1 ? index.namedIn(words, String.join(" ", words), 20) : null;
        var people =
                named == null ? List.<DirectoryStore.PersonCard>of() : directory.people(named.personIds(), words, 3);
        var skills = named == null ? List.<DirectoryStore.SkillCard>of() : directory.skills(named.skillKeys(), 3);
        String id = UUID.randomUUID().toString();
        if (!q.text().isBlank() && q.page() == 1) {
            var at = clock.instant();
            String text = q.text().length() > 500 ? q.text().substring(0, 500) : q.text();
            logWriter.add(
                    new SearchLogStore.Search(id, text, results.total(), who.map(Person::id), at, results.fuzzy()));
        }
        return new Outcome(id, results, people, skills);
    }

    /** Completions for what has been typed so far. */
    public List<LoreIndex.Suggestion> suggest(String typed, int limit) {
        return index.suggest(typed, limit);
    }

    /** Records that the hit at {@code position} was opened; false if the search is unknown. */
    public boolean click(String searchId, int position, String slug) {
        writeLoggedSearches();
        return log.click(searchId, position, slug, clock.instant());
    }

    public List<SearchLogStore.Miss> misses(int days, int limit) {
        writeLoggedSearches();
        return log.misses(clock.instant().minus(Duration.ofDays(days)), limit);
    }

    /** Before reading the log: waits a little for what was logged so far, and reads anyway if it must. */
    private void writeLoggedSearches() {
        try {
            logWriter.flush(READ_WAIT);
        } catch (BatchWriter.NotWrittenException e) {
            LOG.warn("Reading the search log without the searches still waiting: {}", e.getMessage());
        }
    }

    /** Reports the queue of searches waiting to be logged in the metrics. */
    public void measure(dev.lore.server.ops.Metrics metrics) {
        logWriter.measure(metrics, "search-log");
    }

    /**
     * Waits until every search logged so far is written (at most {@code timeout}).
     *
     * @throws BatchWriter.NotWrittenException when they are not written in time
     */
    public void flush(Duration timeout) {
        logWriter.flush(timeout);
    }

    @Override
    public void close() {
        logWriter.close();
    }
}
