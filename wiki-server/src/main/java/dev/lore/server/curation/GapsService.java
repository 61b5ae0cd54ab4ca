package dev.lore.server.curation;

import dev.lore.graph.curation.GapsStore;
import dev.lore.graph.curation.PageRequestStore;
import dev.lore.graph.search.SearchLogStore;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.search.SearchService;
import dev.lore.ui.Urls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Gaps: what people look for and Lore cannot give them yet. Searches that found nothing (last
 * {@code days}), questions unanswered for {@code unansweredDays} or more, and skills in demand
 * (searches, questions, wants-to-learn) that nobody can teach: no available person with a declared
 * practising or expert level and no writing on it ({@link ExpertService#experts} finds no one).
 * Each gap carries the link to the page that fixes it. Thread-safe.
 */
public final class GapsService {
    static final int MAX_ITEMS = 100;
    /** How many skills in demand to check for experts (each check is an expert search). */
    static final int SKILLS_CHECKED = 50;

    private final GapsStore store;
    private final PageRequestStore requests;
    private final SearchService search;
    private final ExpertService experts;
    private final Clock clock;

    public GapsService(
            GapsStore store, PageRequestStore requests, SearchService search, ExpertService experts, Clock clock) {
        this.store = store;
        this.requests = requests;
        this.search = search;
        this.experts = experts;
        this.clock = clock;
    }

    /** A search gap: {@code weak} of its {@code times} found only weak matches and got no click. */
    public record SearchGap(String query, long times, long weak, Instant lastAt, String action) {}

    /** A page asked for from a search, with who asked. */
    public record RequestGap(PageRequestStore.Requested requested, String action) {}

    public record QuestionGap(String id, String title, Instant askedAt, long days, String action) {}

    public record SkillGap(String skill, GapsStore.SkillDemand demand, String action) {}

    public record Gaps(
            List<SearchGap> searches, List<QuestionGap> questions, List<SkillGap> skills, List<RequestGap> requests) {}

    public Gaps gaps(int days, int unansweredDays) {
        Instant now = clock.instant();
        List<SearchGap> searches = search.misses(days, MAX_ITEMS).stream()
                .map((SearchLogStore.Miss m) -> new SearchGap(
                        m.query(), m.times(), m.weak(), m.lastAt(), "/new?title=" + Urls.encode(m.query())))
                .toList();
        List<QuestionGap> questions = store.unanswered(now.minus(Duration.ofDays(unansweredDays)), MAX_ITEMS).stream()
                .map(q -> new QuestionGap(
                        q.id(),
                        q.title(),
                        q.askedAt(),
                        Duration.between(q.askedAt(), now).toDays(),
                        "/questions/" + Urls.encode(q.id())))
                .toList();
        List<SkillGap> skills = store.demand(now.minus(Duration.ofDays(days)), SKILLS_CHECKED).stream()
                .filter(d -> experts.experts(d.name(), 1, false, Set.of()).isEmpty())
                .map(d -> new SkillGap(d.name(), d, "/skills/" + Urls.encode(d.name())))
                .toList();
        List<RequestGap> asked = requests.since(now.minus(Duration.ofDays(days)), MAX_ITEMS).stream()
                .map(r -> new RequestGap(r, "/new?title=" + Urls.encode(r.query())))
                .toList();
        return new Gaps(searches, questions, skills, asked);
    }
}
