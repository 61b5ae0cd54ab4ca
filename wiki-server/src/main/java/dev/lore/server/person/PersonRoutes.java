package dev.lore.server.person;

import dev.lore.graph.article.ArticleStore;
import dev.lore.graph.person.Person;
import dev.lore.server.auth.AuthAudit;
import dev.lore.server.auth.AuthRoutes;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.UnauthorizedException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import dev.lore.ui.view.person.PeopleView;
import dev.lore.ui.view.person.PersonRow;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People: the directory, profiles, and account management for admins. Unless people are public
 * ({@code LORE_PUBLIC_PEOPLE}), everything under {@code /people} and {@code /api/people} is for
 * signed-in readers only: anonymous requests get a 401 (JSON) or the sign-in page.
 */
public final class PersonRoutes {
    private final PersonService people;
    private final ArticleStore articles;
    private final Pages pages;
    private final Clock clock;
    private final java.util.function.Function<String, Map<String, Object>> expertise;
    private final boolean publicPeople;
    private final java.util.function.Function<java.util.Collection<String>, java.util.Set<String>> availableNow;
    private final java.util.function.Function<String, Optional<String>> skillName;
    private final AuthAudit audit;

    /** Accounts Lore makes for itself, left out of the directory: the first admin. */
    static final java.util.Set<String> SYSTEM_ACCOUNTS = java.util.Set.of(dev.lore.server.Lore.ADMIN_ID);

    /** As the full constructor; the directory counts everyone as available and skills by their exact names. */
    public PersonRoutes(
            PersonService people,
            ArticleStore articles,
            Pages pages,
            Clock clock,
            java.util.function.Function<String, Map<String, Object>> expertise,
            boolean publicPeople) {
        this(people, articles, pages, clock, expertise, publicPeople, java.util.Set::copyOf, Optional::of);
    }

    /**
     * @param expertise a person's skills with evidence, contributions with shares, endorsements and
     *     wishes, by id (from the expertise routes), merged into the JSON profile
     * @param publicPeople whether anonymous readers see people's data
     * @param availableNow who of some people take questions now (the directory's filter)
     * @param skillName the skill a name stands for, through aliases (the directory's filter)
     */
    public PersonRoutes(
            PersonService people,
            ArticleStore articles,
            Pages pages,
            Clock clock,
            java.util.function.Function<String, Map<String, Object>> expertise,
            boolean publicPeople,
            java.util.function.Function<java.util.Collection<String>, java.util.Set<String>> availableNow,
            java.util.function.Function<String, Optional<String>> skillName) {
        this(people, articles, pages, clock, expertise, publicPeople, availableNow, skillName, AuthAudit.NONE);
    }

    /** As above, writing an admin's role changes to {@code audit} ({@code role-change}). */
    public PersonRoutes(
            PersonService people,
            ArticleStore articles,
            Pages pages,
            Clock clock,
            java.util.function.Function<String, Map<String, Object>> expertise,
            boolean publicPeople,
            java.util.function.Function<java.util.Collection<String>, java.util.Set<String>> availableNow,
            java.util.function.Function<String, Optional<String>> skillName,
            AuthAudit audit) {
        this.audit = audit;
        this.availableNow = availableNow;
        this.skillName = skillName;
        this.people = people;
        this.articles = articles;
        this.pages = pages;
        this.clock = clock;
        this.expertise = expertise;
        this.publicPeople = publicPeople;
    }

    /** An admin's request to create an account. */
    public record CreateRequest(
            String id, String name, String email, String team, String title, String role, String password) {}

    /** An admin's request to change a role. */
    public record RoleRequest(String role) {}

    public void register(RoutesConfig routes) {
        // before any route of any feature under these paths (profiles, recognition, expertise)
        for (String path : List.of("/people", "/people/*", "/api/people", "/api/people/*")) {
            routes.before(path, this::requireSignInUnlessPublic);
        }
        routes.get(
                "/api/people",
                ctx -> ctx.json(Map.of(
                        "people",
                        people.list().stream().map(AuthRoutes::personJson).toList())));
        routes.get("/api/people/{id}", ctx -> ctx.json(profileJson(people.get(ctx.pathParam("id")))));
        routes.post("/api/people", this::create);
        routes.put("/api/people/{id}/role", this::setRole);
        routes.get("/people", this::directory);
    }

    private void requireSignInUnlessPublic(Context ctx) {
        if (!publicPeople
                && ctx.method() == HandlerType.GET
                && CurrentUser.of(ctx).isEmpty()) {
            throw new UnauthorizedException("sign in to see people");
        }
    }

    private void create(Context ctx) {
        CurrentUser.require(ctx, Role.ADMIN);
        CreateRequest body = Requests.body(ctx, CreateRequest.class);
        Role role = body.role() == null ? Role.CONTRIBUTOR : Role.parse(body.role());
        var created = people.create(
                body.id(),
                body.name(),
                body.email(),
                body.team(),
                body.title(),
                role,
                Optional.ofNullable(body.password()),
                this::profileJson);
        if (created.isEmpty()) {
            ctx.status(409).json(Map.of("error", "conflict", "detail", "a person with id '" + body.id() + "' exists"));
            return;
        }
        ctx.status(201).header("Location", "/api/people/" + body.id());
        ctx.json(created.get());
    }

    private void setRole(Context ctx) {
        CurrentUser.require(ctx, Role.ADMIN);
        RoleRequest body = Requests.body(ctx, RoleRequest.class);
        if (body.role() == null) {
            throw new InvalidInputException("role is required");
        }
        String id = ctx.pathParam("id");
        Role role = Role.parse(body.role());
        Optional<String> before = people.find(id).map(Person::role);
        ctx.json(people.setRole(id, role, this::profileJson));
        if (before.isPresent() && !before.get().equals(role.id())) {
            String admin = CurrentUser.of(ctx).map(Person::id).orElse("unknown");
            audit.record("role-change", id, admin, Optional.of(before.get() + " → " + role.id() + " by hand"));
        }
    }

    /**
     * The directory: active people but Lore's own accounts, filtered by {@code team} (exact),
     * {@code skill} (declared, through aliases, else partly: {@link SkillFilter}) and {@code
     * available=true} (taking questions now), and found by {@code q}, part of a name, team or skill
     * ({@link PeopleMatch}), best match first.
     */
    private void directory(Context ctx) {
        String team = Optional.ofNullable(ctx.queryParam("team")).orElse("").strip();
        String skill = Optional.ofNullable(ctx.queryParam("skill")).orElse("").strip();
        boolean availableOnly = "true".equals(ctx.queryParam("available"));
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").strip();
        if (skill.length() > 100) {
            throw new InvalidInputException("a skill name has at most 100 characters");
        }
        if (q.length() > PeopleMatch.MAX_TEXT) {
            throw new InvalidInputException("a search for people has at most " + PeopleMatch.MAX_TEXT + " characters");
        }
        List<Person> everyone = people.list().stream()
                .filter(Person::active)
                .filter(p -> !SYSTEM_ACCOUNTS.contains(p.id()))
                .toList();
        List<String> teams = everyone.stream()
                .map(Person::team)
                .filter(t -> !t.isBlank())
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        var shown = everyone.stream().filter(p -> team.isEmpty() || p.team().equals(team));
        var declared = skill.isEmpty() && q.isEmpty() ? Map.<String, List<String>>of() : people.declaredSkillNames();
        if (!skill.isEmpty()) {
            shown = shown.filter(SkillFilter.of(skill, skillName, declared));
        }
        List<Person> filtered = q.isEmpty() ? shown.toList() : PeopleMatch.rank(q, shown.toList(), declared, skillName);
        if (availableOnly) {
            var available = availableNow.apply(filtered.stream().map(Person::id).toList());
            filtered = filtered.stream().filter(p -> available.contains(p.id())).toList();
        }
        List<PersonRow> rows = filtered.stream()
                .map(p -> new PersonRow(p.id(), p.name(), p.team(), p.title()))
                .toList();
        pages.render(ctx, "person/people.jte", "People", new PeopleView(rows, teams, team, skill, availableOnly, q));
    }

    private Map<String, Object> profileJson(Person p) {
        var json = new LinkedHashMap<String, Object>(AuthRoutes.personJson(p));
        var evidence = expertise.apply(p.id());
        json.put("declaredSkills", people.skills(p.id()));
        json.put("skills", evidence.get("skills"));
        json.put("contributions", evidence.get("contributions"));
        json.put("endorsements", evidence.get("endorsements"));
        json.put("wantsToLearn", evidence.get("wantsToLearn"));
        json.put("available", ((Map<?, ?>) evidence.get("person")).get("available"));
        return json;
    }
}
