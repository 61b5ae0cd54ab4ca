package dev.lore.server.impact;

import dev.lore.graph.PersonRef;
import dev.lore.graph.impact.ImpactStore;
import dev.lore.server.error.InvalidInputException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Impact for champions: weekly figures (ISO weeks, Monday to Sunday, UTC) of how Lore is used,
 * optionally for one team (what its people did) and one skill (content about it), and the people
 * who taught others most in a month. Definitions are in {@link Figures}. Thread-safe.
 */
public final class ImpactService {
    /** The longest range asked for at once: two years. */
    static final int MAX_DAYS = 731;
    /** The default range: the 12 weeks up to today. */
    static final int DEFAULT_WEEKS = 12;

    private final ImpactStore store;
    private final Clock clock;

    public ImpactService(ImpactStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What to report on; empty dates mean the default range. */
    public record Filters(
            Optional<LocalDate> from, Optional<LocalDate> to, Optional<String> team, Optional<String> skill) {}

    /**
     * One week's figures, or the totals over the range. Counts of people and updated articles are
     * distinct over the period (so totals are not the sum of the weeks); the median and the search
     * success rate are taken over everything in the period, and are empty when there is nothing to
     * take them over.
     *
     * @param activeContributors people who saved an article revision, asked, answered or commented
     * @param newArticles articles whose first revision was saved
     * @param updatedArticles articles that got a later revision
     * @param questionsAsked questions asked
     * @param questionsAnswered questions whose first answer came in the period
     * @param medianHoursToFirstAnswer for questions asked in the period that have an answer
     * @param searches searches with text
     * @param searchesWithClick of those, searches followed by a click on a result
     * @param searchSuccessRate searchesWithClick / searches
     * @param pathCompletions learners who did the last remaining step of a path
     * @param kudos kudos given
     */
    public record Figures(
            long activeContributors,
            long newArticles,
            long updatedArticles,
            long questionsAsked,
            long questionsAnswered,
            Optional<Double> medianHoursToFirstAnswer,
            long searches,
            long searchesWithClick,
            Optional<Double> searchSuccessRate,
            long pathCompletions,
            long kudos) {}

    /** An ISO week: its label ({@code 2026-W03}), Monday and Sunday, and its figures. */
    public record Week(String week, LocalDate start, LocalDate end, Figures figures) {}

    /**
     * The report: the range asked for, the filters as understood ({@code skill} is the skill's name,
     * {@code skillKnown} false when Lore has no such skill), every week in the range and the totals,
     * and notes on figures a filter cannot narrow exactly.
     */
    public record Report(
            LocalDate from,
            LocalDate to,
            Optional<String> team,
            Optional<String> skill,
            boolean skillKnown,
            List<Week> weeks,
            Figures totals,
            List<String> notes) {}

    public Report report(Filters filters) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate to = filters.to().orElse(today);
        LocalDate from = filters.from().orElse(to.minusWeeks(DEFAULT_WEEKS - 1));
        if (from.isAfter(to)) {
            throw new InvalidInputException("from (" + from + ") must not be after to (" + to + ")");
        }
        long days = ChronoUnit.DAYS.between(from, to);
        if (days > MAX_DAYS) {
            throw new InvalidInputException(
                    "the range may span at most two years (" + MAX_DAYS + " days), was " + days + " days");
        }
        LocalDate first = monday(from);
        LocalDate end = monday(to).plusWeeks(1);
        Optional<String> team = filters.team();
        Optional<ImpactStore.SkillRef> skill = filters.skill().map(store::skill);
        var window = new ImpactStore.Window(
                first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                end.atStartOfDay(ZoneOffset.UTC).toInstant(),
                team,
                skill.map(ImpactStore.SkillRef::key));

        var active = store.activeContributors(window).byWeek();
        var created = store.newArticles(window);
        var updated = store.updatedArticles(window).byWeek();
        var asked = store.questionsAsked(window);
        var answered = store.questionsAnswered(window);
        var waits = store.secondsToFirstAnswer(window);
        var searches = store.searches(window);
        var completions = store.pathCompletions(window);
        var kudos = store.kudos(window);

        var weeks = new ArrayList<Week>();
        for (LocalDate monday = first; monday.isBefore(end); monday = monday.plusWeeks(1)) {
            var s = searches.getOrDefault(monday, new ImpactStore.Searches(0, 0));
            weeks.add(new Week(
                    label(monday),
                    monday,
                    monday.plusDays(6),
                    new Figures(
                            active.getOrDefault(monday, List.of()).size(),
                            created.getOrDefault(monday, 0L),
                            updated.getOrDefault(monday, List.of()).size(),
                            asked.getOrDefault(monday, 0L),
                            answered.getOrDefault(monday, 0L),
                            medianHours(waits.getOrDefault(monday, List.of())),
                            s.searches(),
                            s.clicked(),
                            rate(s.clicked(), s.searches()),
                            completions.getOrDefault(monday, 0L),
                            kudos.getOrDefault(monday, 0L))));
        }
        long allSearches = sum(
                searches.values().stream().map(ImpactStore.Searches::searches).toList());
        long allClicked = sum(
                searches.values().stream().map(ImpactStore.Searches::clicked).toList());
        var totals = new Figures(
                distinctCount(active.values()),
                sum(created.values()),
                distinctCount(updated.values()),
                sum(asked.values()),
                sum(answered.values()),
                medianHours(waits.values().stream().flatMap(List::stream).toList()),
                allSearches,
                allClicked,
                rate(allClicked, allSearches),
                sum(completions.values()),
                sum(kudos.values()));
        var notes = new ArrayList<String>();
        if (team.isPresent()) {
            notes.add("Searches by people who were not signed in cannot be placed in a team: "
                    + "with a team filter the search figures count only that team's signed-in searches.");
        }
        if (skill.isPresent()) {
            notes.add("Searches count for a skill when their text is the skill's name or contains it as words.");
        }
        return new Report(
                from,
                to,
                team,
                skill.map(k -> k.name().orElse(filters.skill().get().strip())),
                skill.map(k -> k.name().isPresent()).orElse(true),
                weeks,
                totals,
                notes);
    }

    /** Every team someone is in, for the filter's suggestions. */
    public List<String> teams() {
        return store.teams();
    }

    /** A person who taught others in the month, and how: the counts say why they are listed. */
    public record Helper(
            PersonRef person,
            String team,
            int peopleHelped,
            long answersAccepted,
            long helpfulVotes,
            long kudosReceived,
            long readers,
            long learners,
            String why) {}

    public record TopHelpers(YearMonth month, Optional<String> team, Optional<String> skill, List<Helper> helpers) {}

    /**
     * The people who helped the most different people in {@code month} (the current one when
     * empty): by accepting their answers, finding them helpful, thanking them, reading articles
     * they wrote much of, or saying those articles taught them something. Ties go to more accepted answers, then kudos, then helpful votes, then name.
     */
    public TopHelpers topHelpers(Optional<YearMonth> month, Optional<String> team, Optional<String> skill, int limit) {
        YearMonth m = month.orElse(YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        Optional<ImpactStore.SkillRef> ref = skill.map(store::skill);
        var window = new ImpactStore.Window(
                m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                team,
                ref.map(ImpactStore.SkillRef::key));
        var byPerson = new LinkedHashMap<String, List<ImpactStore.Help>>();
        for (var h : store.help(window)) {
            byPerson.computeIfAbsent(h.personId(), k -> new ArrayList<>()).add(h);
        }
        var helpers = new ArrayList<Helper>();
        for (var rows : byPerson.values()) {
            Set<String> helped = new HashSet<>();
            var counts = new LinkedHashMap<String, Long>();
            for (var h : rows) {
                helped.addAll(h.helped());
                counts.put(
                        h.kind(),
                        h.kind().equals("read") || h.kind().equals("taught")
                                ? h.helped().size()
                                : h.times());
            }
            var first = rows.getFirst();
            long accepted = counts.getOrDefault("accepted", 0L);
            long helpful = counts.getOrDefault("helpful", 0L);
            long kudos = counts.getOrDefault("kudos", 0L);
            long readers = counts.getOrDefault("read", 0L);
            long learners = counts.getOrDefault("taught", 0L);
            helpers.add(new Helper(
                    new PersonRef(first.personId(), first.name()),
                    first.team(),
                    helped.size(),
                    accepted,
                    helpful,
                    kudos,
                    readers,
                    learners,
                    why(helped.size(), accepted, helpful, kudos, readers, learners)));
        }
        helpers.sort(Comparator.comparingInt(Helper::peopleHelped)
                .thenComparingLong(Helper::answersAccepted)
                .thenComparingLong(Helper::kudosReceived)
                .thenComparingLong(Helper::helpfulVotes)
                .reversed()
                .thenComparing(h -> h.person().name()));
        return new TopHelpers(
                m,
                team,
                ref.map(k -> k.name().orElse(skill.get().strip())),
                List.copyOf(helpers.subList(0, Math.min(limit, helpers.size()))));
    }

    static String why(int people, long accepted, long helpful, long kudos, long readers, long learners) {
        var parts = new ArrayList<String>();
        if (accepted > 0) {
            parts.add(accepted + (accepted == 1 ? " answer" : " answers") + " accepted");
        }
        if (helpful > 0) {
            parts.add(helpful + (helpful == 1 ? " helpful vote" : " helpful votes") + " on answers");
        }
        if (kudos > 0) {
            parts.add(kudos + " kudos received");
        }
        if (readers > 0) {
            parts.add((readers == 1 ? "1 reader" : readers + " readers") + " of their articles");
        }
        if (learners > 0) {
            parts.add((learners == 1 ? "1 person" : learners + " people") + " learned from their articles");
        }
        return "Helped " + (people == 1 ? "1 person" : people + " people") + ": " + String.join(", ", parts) + ".";
    }

    /** The pages that taught people most in {@code month} (the current one when empty). */
    public List<ImpactStore.TaughtPage> pagesThatTaught(
            Optional<YearMonth> month, Optional<String> team, Optional<String> skill, int limit) {
        YearMonth m = month.orElse(YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        return store.taughtPages(
                new ImpactStore.Window(
                        m.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        m.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        team,
                        skill.map(store::skill).map(ImpactStore.SkillRef::key)),
                limit);
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static String label(LocalDate monday) {
        return "%d-W%02d"
                .formatted(monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The median in hours, to one decimal; empty for no values. */
    static Optional<Double> medianHours(List<Long> seconds) {
        if (seconds.isEmpty()) {
            return Optional.empty();
        }
        var sorted = seconds.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return Optional.of(Math.round(median / 360.0) / 10.0);
    }

    /** A share to three decimals; empty when there is nothing to divide. */
    static Optional<Double> rate(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of(Math.round(part * 1000.0 / whole) / 1000.0);
    }

    private static long sum(Collection<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    private static long distinctCount(Collection<List<String>> values) {
        return values.stream().flatMap(List::stream).distinct().count();
    }
}
