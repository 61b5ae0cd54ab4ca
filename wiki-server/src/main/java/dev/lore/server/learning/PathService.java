package dev.lore.server.learning;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.learning.LearningPath;
import dev.lore.graph.learning.PathFollows;
import dev.lore.graph.learning.PathStep;
import dev.lore.graph.learning.PathStore;
import dev.lore.graph.learning.PathSummary;
import dev.lore.graph.learning.StepInput;
import dev.lore.graph.learning.StepProgress;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.Requests;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Learning paths: champions build them (an ordered series of articles and questions, each with an
 * optional reflection prompt, for a level); anyone signed in follows one by marking steps done and
 * writing reflections, private unless shared. Thread-safe.
 */
public final class PathService {
    public static final String NEWCOMER = "newcomer";
    public static final List<String> LEVELS = List.of(NEWCOMER, "practitioner");
    static final int MAX_TITLE = 200;
    static final int MAX_DESCRIPTION = 2_000;
    static final int MAX_STEPS = 50;
    static final int MAX_PROMPT = 500;
    static final int MAX_REF = 500;
    public static final int MAX_REFLECTION = 2_000;

    private final PathStore store;
    private final PathFollows follows;
    private final Clock clock;

    public PathService(PathStore store, PathFollows follows, Clock clock) {
        this.store = store;
        this.follows = follows;
        this.clock = clock;
    }

    /** Hears a shared reflection's text as it was and as it is now, in the transaction that saved it. */
    @FunctionalInterface
    public interface SharedReflections {
        void shared(LearningPath path, String personId, String before, String after);
    }

    private SharedReflections sharing = (path, person, before, after) -> {};

    /** Tells {@code listener} of every shared reflection saved (mentions in it notify people). */
    public PathService withSharing(SharedReflections listener) {
        this.sharing = listener;
        return this;
    }

    /** Live pages whose title is {@code text} (ignoring case), else those whose title contains it. */
    public List<PathStore.Titled> pagesTitled(String text, int limit) {
        return store.articlesTitled(text, limit);
    }

    /** Which of {@code slugs} name live pages. */
    public Set<String> livePages(List<String> slugs) {
        var inputs = slugs.stream()
                .map(s -> new StepInput(StepInput.ARTICLE, s, Optional.empty()))
                .toList();
        var live = new java.util.LinkedHashSet<>(slugs);
        for (int n : store.unresolved(inputs)) {
            live.remove(slugs.get(n - 1));
        }
        return live;
    }

    /** The first article step of the form that names no live page, or several (see {@link StepTitles}). */
    Optional<StepTitles.Unclear> firstUnclear(List<StepRequest> steps) {
        return new StepTitles(store).firstUnclear(steps);
    }

    /** How a step line of the form names the live page at {@code slug}; empty when there is none. */
    Optional<String> stepLineFor(String slug) {
        return new StepTitles(store).lineFor(slug);
    }

    /** The form's steps with pages named by title turned into addresses (see {@link StepTitles}). */
    public List<StepRequest> withTitlesResolved(List<StepRequest> steps) {
        return new StepTitles(store).resolve(steps);
    }

    /** {@code learner} follows the path (or stops following it: their progress stays). */
    public void follow(String id, Person learner, boolean follow) {
        get(id);
        if (follow) {
            follows.follow(id, learner.id(), clock.instant());
        } else {
            follows.unfollow(id, learner.id());
        }
    }

    public boolean following(String id, Person learner) {
        return follows.following(id, learner.id());
    }

    /** A step as asked for: {@code kind} article or question, {@code ref} a slug or question id. */
    public record StepRequest(String kind, String ref, String prompt) {}

    /** A path as asked for; {@code description} and {@code skill} may be absent. */
    public record PathRequest(String title, String description, String level, String skill, List<StepRequest> steps) {}

    public static boolean mayBuild(Person person) {
        return AuthService.roleOf(person).atLeast(Role.CHAMPION);
    }

    public LearningPath create(PathRequest request, Person by) {
        requireBuilder(by);
        return store.create(validate(request, Set.of()), by.id(), clock.instant());
    }

    public LearningPath update(String id, PathRequest request, Person by) {
        requireBuilder(by);
        get(id);
        return store.update(id, validate(request, Set.of()), clock.instant());
    }

    public LearningPath get(String id) {
        return store.find(id).orElseThrow(() -> new NoSuchEntityException("path", id));
    }

    /**
     * A path as {@code viewer} may see it: a step on an article or question a moderator hid keeps
     * its place (numbering and progress stay), but only champions see its title and where it leads.
     */
    public LearningPath view(String id, Optional<Person> viewer) {
        LearningPath path = get(id);
        if (viewer.map(PathService::seesHidden).orElse(false)
                || path.steps().stream().noneMatch(PathStep::hidden)) {
            return path;
        }
        return new LearningPath(
                path.id(),
                path.title(),
                path.description(),
                path.level(),
                path.skill(),
                path.createdBy(),
                path.createdAt(),
                path.updatedAt(),
                path.steps().stream()
                        .map(s -> s.hidden() ? s.withoutTarget() : s)
                        .toList());
    }

    private static boolean seesHidden(Person person) {
        return AuthService.roleOf(person).atLeast(Role.CHAMPION);
    }

    /** Every path, newest first, with {@code viewer}'s progress. */
    public List<PathSummary> list(Optional<Person> viewer) {
        return store.list(viewer.map(Person::id), Optional.empty());
    }

    /**
     * The onboarding path to show {@code person} on the home page: the newest newcomer path they
     * follow, else the newest newcomer path.
     */
    public Optional<PathSummary> onboarding(Person person) {
        List<PathSummary> newcomer = store.list(Optional.of(person.id()), Optional.of(NEWCOMER));
        return newcomer.stream()
                .filter(PathSummary::following)
                .max(Comparator.comparing(PathSummary::createdAt))
                .or(() -> newcomer.stream().max(Comparator.comparing(PathSummary::createdAt)));
    }

    /** Not-yet-done steps on paths {@code learner} follows that point at this article. */
    public List<dev.lore.graph.learning.OpenStep> openSteps(String articleId, Person learner) {
        return store.openSteps(articleId, learner.id());
    }

    public List<StepProgress> progress(String id, Person learner) {
        get(id);
        return store.progress(id, learner.id());
    }

    /**
     * {@code learner} marks step {@code n} done or not done. A reflection (up to {@value
     * #MAX_REFLECTION} characters) stays private unless {@code shared}; absent values keep what was
     * there. Not done removes the step's progress, reflection included.
     */
    public List<StepProgress> mark(
            String id, int n, Person learner, boolean done, Optional<String> reflection, Optional<Boolean> shared) {
        LearningPath path = get(id);
        if (n < 1 || n > path.steps().size()) {
            throw new InvalidInputException("step must be 1-" + path.steps().size() + ", was " + n);
        }
        Optional<String> text = reflection.map(String::strip);
        text.ifPresent(t -> {
            if (t.length() > MAX_REFLECTION) {
                throw new InvalidInputException(
                        "reflection must be at most " + MAX_REFLECTION + " characters, was " + t.length());
            }
        });
        if (!done) {
            return store.markUndone(id, n, learner.id());
        }
        return store.inOneTransaction(() -> {
            String before = sharedText(store.progress(id, learner.id()), n);
            List<StepProgress> after = store.markDone(id, n, learner.id(), clock.instant(), text, shared);
            String now = sharedText(after, n);
            if (!now.isEmpty()) {
                sharing.shared(path, learner.id(), before, now);
            }
            return after;
        });
    }

    /** Step {@code n}'s reflection when it is shared, else nothing. */
    private static String sharedText(List<StepProgress> progress, int n) {
        return progress.stream()
                .filter(p -> p.n() == n && p.shared())
                .findFirst()
                .flatMap(StepProgress::reflection)
                .orElse("");
    }

    /**
     * Creates a path from a seed pack, credited to {@code byId}, or updates the one with the same
     * title, so loading a pack twice does not duplicate it.
     */
    public LearningPath importPath(PathRequest request, String byId) {
        PathStore.PathInput input = validate(request, Set.of());
        return store.idByTitle(input.title())
                .map(id -> store.update(id, input, clock.instant()))
                .orElseGet(() -> store.create(input, byId, clock.instant()));
    }

    /**
     * Checks a seed pack's path as {@link #importPath} will, before the pack is written: article
     * steps may also name {@code comingSlugs}, the pages the pack is about to write.
     *
     * @throws InvalidInputException for what {@link #importPath} would refuse
     */
    public void checkImport(PathRequest request, Set<String> comingSlugs) {
        validate(request, comingSlugs);
    }

    private static void requireBuilder(Person person) {
        if (!mayBuild(person)) {
            throw new ForbiddenException("only champions build learning paths");
        }
    }

    /** Checks a request; article steps naming one of {@code comingSlugs} count as resolved. */
    private PathStore.PathInput validate(PathRequest r, Set<String> comingSlugs) {
        String title = Requests.requiredText(r.title(), "title", MAX_TITLE);
        String description = Requests.optionalText(r.description(), "description", MAX_DESCRIPTION);
        String level = Optional.ofNullable(r.level()).map(String::strip).orElse("");
        if (!LEVELS.contains(level)) {
            throw new InvalidInputException("level must be newcomer or practitioner, was '" + level + "'");
        }
        Optional<String> skill =
                Optional.ofNullable(r.skill()).map(String::strip).filter(s -> !s.isEmpty());
        if (skill.isPresent() && skill.get().length() > 100) {
            throw new InvalidInputException("skill must be at most 100 characters");
        }
        List<StepRequest> requested = Optional.ofNullable(r.steps()).orElse(List.of());
        if (requested.isEmpty() || requested.size() > MAX_STEPS) {
            throw new InvalidInputException("a path needs 1-" + MAX_STEPS + " steps, was " + requested.size());
        }
        var steps = new ArrayList<StepInput>();
        for (int i = 0; i < requested.size(); i++) {
            steps.add(step(i + 1, requested.get(i)));
        }
        List<Integer> missing = store.unresolved(steps).stream()
                .filter(n -> !(steps.get(n - 1).kind().equals(StepInput.ARTICLE)
                        && comingSlugs.contains(steps.get(n - 1).ref())))
                .toList();
        if (!missing.isEmpty()) {
            StepInput first = steps.get(missing.getFirst() - 1);
            throw new InvalidInputException("step " + missing.getFirst() + ": no "
                    + (first.kind().equals(StepInput.ARTICLE) ? "live article" : "question") + " '" + first.ref()
                    + "'");
        }
        return new PathStore.PathInput(title, description, level, skill, steps);
    }

    private static StepInput step(int n, StepRequest s) {
        if (s == null) {
            throw new InvalidInputException("step " + n + " is empty");
        }
        // a lesson learned is an article: "lesson" names the same step
        String kind = Optional.ofNullable(s.kind())
                .map(String::strip)
                .map(k -> k.equals("lesson") ? StepInput.ARTICLE : k)
                .orElse("");
        if (!kind.equals(StepInput.ARTICLE) && !kind.equals(StepInput.QUESTION)) {
            throw new InvalidInputException(
                    "step " + n + ": kind must be article, lesson or question, was '" + kind + "'");
        }
        String ref = Optional.ofNullable(s.ref()).map(String::strip).orElse("");
        if (ref.isEmpty() || ref.length() > MAX_REF) {
            throw new InvalidInputException("step " + n + ": ref must be 1-" + MAX_REF + " characters");
        }
        Optional<String> prompt =
                Optional.ofNullable(s.prompt()).map(String::strip).filter(p -> !p.isEmpty());
        if (prompt.isPresent() && prompt.get().length() > MAX_PROMPT) {
            throw new InvalidInputException("step " + n + ": prompt must be at most " + MAX_PROMPT + " characters");
        }
        return new StepInput(kind, ref, prompt);
    }
}
