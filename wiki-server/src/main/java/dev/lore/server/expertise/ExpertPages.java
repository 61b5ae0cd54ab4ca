package dev.lore.server.expertise;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.person.PersonService;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.Urls;
import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.expertise.ContactView;
import dev.lore.ui.view.expertise.ContributionView;
import dev.lore.ui.view.expertise.ExpertView;
import dev.lore.ui.view.expertise.ExpertiseView;
import dev.lore.ui.view.expertise.ExpertsView;
import dev.lore.ui.view.expertise.PersonView;
import dev.lore.ui.view.expertise.SkillPageView;
import dev.lore.ui.view.expertise.SuggestionView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Expertise in the browser: profiles with evidence and endorse buttons, "learn from" on one's own
 * page, skill pages, and "find an expert". Forms post back and redirect; no JavaScript needed.
 */
public final class ExpertPages {
    private final ExpertService experts;
    private final PersonService people;
    private final Pages pages;
    private final Clock clock;
    private final java.util.function.Function<String, dev.lore.ui.view.question.TaughtView> taught;
    private final java.util.function.Function<String, List<dev.lore.ui.view.learning.CollectionView>> collections;
    private final Contacts contacts;

    /**
     * Expert lists show at most this many people in their strong set, and only those within
     * {@link #STRONG_SHARE} of the best score; the rest are folded under "more".
     */
    public static final int MAX_STRONG = 5;

    /** The share of the best expert's score that puts someone in a list's strong set. */
    public static final double STRONG_SHARE = 0.5;

    /** As the full constructor, with chat handles shown as text. */
    public ExpertPages(
            ExpertService experts,
            PersonService people,
            Pages pages,
            Clock clock,
            java.util.function.Function<String, dev.lore.ui.view.question.TaughtView> taught,
            java.util.function.Function<String, List<dev.lore.ui.view.learning.CollectionView>> collections) {
        this(experts, people, pages, clock, taught, collections, Contacts.NO_CHAT_LINK);
    }

    /**
     * @param taught what a person taught others and the questions asked of them, by id (from the
     *     question feature), shown on their page
     * @param collections the featured collections about a skill, by its name (from the path
     *     feature), shown on the skill's page
     * @param contacts how contact details are shown (the chat link)
     */
    public ExpertPages(
            ExpertService experts,
            PersonService people,
            Pages pages,
            Clock clock,
            java.util.function.Function<String, dev.lore.ui.view.question.TaughtView> taught,
            java.util.function.Function<String, List<dev.lore.ui.view.learning.CollectionView>> collections,
            Contacts contacts) {
        this.contacts = contacts;
        this.experts = experts;
        this.collections = collections;
        this.taught = taught;
        this.people = people;
        this.pages = pages;
        this.clock = clock;
    }

    private java.util.function.Function<String, List<LinkView>> lessons = skill -> List.of();

    private dev.lore.server.web.OneRead oneRead = dev.lore.server.web.OneRead.NONE;

    /** Reads what a profile shows in one graph transaction. */
    public ExpertPages withOneRead(dev.lore.server.web.OneRead oneRead) {
        this.oneRead = oneRead;
        return this;
    }

    /** Lists the lessons learned about a skill on its page, by the skill's name (see the lesson package). */
    public ExpertPages withLessons(java.util.function.Function<String, List<LinkView>> lessons) {
        this.lessons = lessons;
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.get("/people/{id}", ctx -> oneRead.run(() -> profile(ctx)));
        routes.post("/people/{id}/endorsements", this::endorse);
        routes.post("/people/{id}/wants", this::wants);
        routes.post("/people/{id}/availability", this::availability);
        routes.post("/people/{id}/contact", this::contact);
        routes.post("/people/{id}/skills", this::declareSkills);
        routes.get("/skills/{name}", this::skill);
        routes.post("/skills/{name}/description", this::describe);
        routes.get("/experts", this::find);
    }

    /**
     * The experts for a side panel (search results, an article): a failure is logged and shows an
     * empty panel, never an error page in place of the page the panel sits on.
     */
    public static List<ExpertView> panel(java.util.function.Supplier<List<ExpertService.Expert>> find) {
        try {
            return views(find.get());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ExpertPages.class)
                    .warn("Could not find experts for a panel: {}", e.toString());
            return List.of();
        }
    }

    /** Experts as the pages show them, with up to three articles behind each, without contact details. */
    public static List<ExpertView> views(List<ExpertService.Expert> found) {
        return views(found, e -> ContactView.NONE);
    }

    /**
     * Experts as the pages show them: the first {@link #MAX_STRONG} within {@link #STRONG_SHARE}
     * of the best score form the strong set (the best always does), the others are "more".
     */
    static List<ExpertView> views(
            List<ExpertService.Expert> found, java.util.function.Function<ExpertService.Expert, ContactView> contact) {
        double best =
                found.stream().mapToDouble(ExpertService.Expert::score).max().orElse(0);
        var out = new java.util.ArrayList<ExpertView>();
        for (int i = 0; i < found.size(); i++) {
            var e = found.get(i);
            boolean strong = i == 0 || (i < MAX_STRONG && e.score() >= best * STRONG_SHARE);
            out.add(new ExpertView(
                    e.person().id(),
                    e.person().name(),
                    e.person().team(),
                    e.person().title(),
                    e.explanation(),
                    e.evidence().stream()
                            .flatMap(ev -> link(ev).stream())
                            .limit(3)
                            .toList(),
                    strong,
                    contact.apply(e)));
        }
        return List.copyOf(out);
    }

    /** Experts for a page: contact details only for a signed-in viewer. */
    private List<ExpertView> cards(List<ExpertService.Expert> found, Context ctx) {
        boolean signedIn = CurrentUser.of(ctx).isPresent();
        return views(found, e -> signedIn ? contacts.of(e.person()) : ContactView.NONE);
    }

    /** The viewer's id as the set of people left out of experts lists: nobody is their own expert. */
    private static Set<String> notMe(Context ctx) {
        return CurrentUser.of(ctx).map(v -> Set.of(v.id())).orElse(Set.of());
    }

    /** The page a piece of evidence is about: an article, or the question an answer answers. */
    private static Optional<LinkView> link(Evidence evidence) {
        return switch (evidence) {
            case Evidence.Article a when a.slug() != null -> Optional.of(new LinkView(a.slug(), a.title()));
            case Evidence.Answer a when a.questionId() != null -> Optional.of(new LinkView(a.questionId(), a.title()));
            case Evidence.Teaching t when t.slug() != null -> Optional.of(new LinkView(t.slug(), t.title()));
            default -> Optional.empty();
        };
    }

    private void profile(Context ctx) {
        Person p = people.get(ctx.pathParam("id"));
        Instant now = clock.instant();
        Optional<Person> viewer = CurrentUser.of(ctx);
        boolean self = viewer.map(v -> v.id().equals(p.id())).orElse(false);
        boolean canEndorse = viewer.isPresent() && !self;
        Profile profile = experts.profile(p.id()).orElseThrow(() -> new NoSuchEntityException("person", p.id()));
        Set<String> mine = viewer.map(v -> Set.copyOf(profile.endorsements().stream()
                        .filter(e -> e.fromId().equals(v.id()))
                        .map(e -> e.skill())
                        .toList()))
                .orElse(Set.of());
        var expertise = profile.strongestFirst().stream()
                .map(e -> new ExpertiseView(
                        e.skillName(),
                        "/skills/" + Urls.encode(e.skillName()),
                        e.level().orElse(""),
                        e.endorsers().size(),
                        mine.contains(e.skillName()),
                        e.articles(),
                        (int) Math.round(e.writtenShare() * 100)))
                .toList();
        var contributions = profile.contributions().stream()
                .map(a -> new ContributionView(
                        a.slug(), a.title(), (int) Math.round(a.share() * 100), a.edits(), Pages.ago(a.lastAt(), now)))
                .toList();
        List<SuggestionView> learnFrom = self
                ? experts.learnFrom(p.id(), 5).stream()
                        .map(s -> new SuggestionView(
                                s.person().id(),
                                s.person().name(),
                                s.person().team(),
                                s.skill().name(),
                                s.why(),
                                contacts.of(s.person())))
                        .toList()
                : List.of();
        boolean available = profile.person().suggestible();
        pages.render(
                ctx,
                "expertise/person.jte",
                p.name(),
                new PersonView(
                        p.id(),
                        p.name(),
                        p.team(),
                        p.title(),
                        p.role(),
                        available,
                        expertise,
                        contributions,
                        profile.wantsToLearn().stream().map(s -> s.name()).toList(),
                        learnFrom,
                        self,
                        canEndorse,
                        taught.apply(p.id()),
                        contacts.of(profile.person()),
                        self
                                ? people.skills(p.id()).stream()
                                        .map(d -> new PersonView.DeclaredView(d.name(), d.level()))
                                        .toList()
                                : List.of(),
                        canEndorse && p.active()));
    }

    private void endorse(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        String skill = Optional.ofNullable(ctx.formParam("skill")).orElse("").strip();
        if (skill.isEmpty()) {
            throw new InvalidInputException("skill is required");
        }
        if (me.id().equals(id)) {
            throw new InvalidInputException("you cannot endorse yourself; ask a colleague who has seen your work");
        }
        if ("true".equals(ctx.formParam("revoke"))) {
            experts.revokeEndorsement(me.id(), id, skill);
        } else {
            experts.endorse(me.id(), id, skill);
        }
        ctx.redirect("/people/" + Urls.encode(id), HttpStatus.SEE_OTHER);
    }

    private void wants(Context ctx) {
        String id = requireSelf(ctx);
        String raw = Optional.ofNullable(ctx.formParam("skills")).orElse("");
        List<String> skills = Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        if (skills.size() > 50 || skills.stream().anyMatch(s -> s.length() > 100)) {
            throw new InvalidInputException("at most 50 skills of at most 100 characters each");
        }
        experts.setWantsToLearn(id, skills);
        ctx.redirect("/people/" + Urls.encode(id), HttpStatus.SEE_OTHER);
    }

    private void availability(Context ctx) {
        String id = requireSelf(ctx);
        String status = Optional.ofNullable(ctx.formParam("status")).orElse("");
        if (!Set.of("available", "unavailable").contains(status)) {
            throw new InvalidInputException("status must be available or unavailable");
        }
        experts.setAvailability(id, status, Optional.empty());
        ctx.redirect("/people/" + Urls.encode(id), HttpStatus.SEE_OTHER);
    }

    private void contact(Context ctx) {
        String id = requireSelf(ctx);
        experts.setContact(id, ctx.formParam("chat"), ctx.formParam("officeHours"));
        ctx.redirect("/people/" + Urls.encode(id) + "#contact", HttpStatus.SEE_OTHER);
    }

    /**
     * Replaces the declared skills from the profile's form: rows of {@code skill} and {@code level}
     * in order; a blank name or the level {@code remove} drops a row.
     */
    private void declareSkills(Context ctx) {
        String id = requireSelf(ctx);
        List<String> names = ctx.formParams("skill");
        List<String> levels = ctx.formParams("level");
        if (names.size() != levels.size()) {
            throw new InvalidInputException(
                    "each skill needs a level: " + names.size() + " skills, " + levels.size() + " levels");
        }
        if (names.size() > 100) {
            throw new InvalidInputException("at most 100 skills");
        }
        var declared = new java.util.ArrayList<dev.lore.graph.person.DeclaredSkill>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (name.isEmpty() || "remove".equals(levels.get(i))) {
                continue;
            }
            declared.add(new dev.lore.graph.person.DeclaredSkill(
                    ExpertRoutes.requireSkillName(name), ExpertRoutes.requireLevel(levels.get(i))));
        }
        experts.declareSkills(id, declared);
        ctx.redirect("/people/" + Urls.encode(id) + "#my-skills", HttpStatus.SEE_OTHER);
    }

    private void skill(Context ctx) {
        String name = ctx.pathParam("name");
        var overview = experts.skill(name).orElseThrow(() -> new NoSuchEntityException("skill", name));
        pages.render(
                ctx,
                "expertise/skill.jte",
                overview.skill().name(),
                new SkillPageView(
                        overview.skill().name(),
                        overview.description(),
                        CurrentUser.of(ctx)
                                .map(me -> AuthService.roleOf(me).atLeast(Role.CHAMPION))
                                .orElse(false),
                        overview.aliases(),
                        cards(experts.experts(overview.skill().name(), 8, false, notMe(ctx)), ctx),
                        overview.articles().stream()
                                .map(a -> new LinkView(a.slug(), a.title()))
                                .toList(),
                        overview.related().stream()
                                .map(r -> new LinkView(r.key(), r.name()))
                                .toList(),
                        collections.apply(overview.skill().name()),
                        lessons.apply(overview.skill().name())));
    }

    private void describe(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        String name = ctx.pathParam("name");
        experts.findSkill(name).orElseThrow(() -> new NoSuchEntityException("skill", name));
        var skill = experts.describeExisting(name, ExpertRoutes.requireDescription(ctx.formParam("description")))
                .skill();
        ctx.redirect("/skills/" + Urls.encode(skill.name()), HttpStatus.SEE_OTHER);
    }

    private void find(Context ctx) {
        String topic = Optional.ofNullable(ctx.queryParam("topic")).orElse("").strip();
        List<ExpertView> found = List.of();
        List<String> skills = List.of();
        if (!topic.isEmpty()) {
            ExpertService.topic(topic); // 400 for a topic that is too long
            found = cards(experts.experts(topic, 10, false, notMe(ctx)), ctx);
            skills = List.copyOf(experts.matchSkills(topic).keySet());
        }
        pages.render(ctx, "expertise/experts.jte", "Find an expert", new ExpertsView(topic, skills, found));
    }

    private static String requireSelf(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        if (!me.id().equals(id) && !AuthService.roleOf(me).atLeast(Role.ADMIN)) {
            throw new dev.lore.server.error.ForbiddenException("only " + id + " can change this");
        }
        return id;
    }
}
