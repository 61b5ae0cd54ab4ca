package dev.lore.server.expertise;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.PersonInfo;
import dev.lore.graph.expertise.SkillOverview;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.graph.person.Person;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The expertise API: experts for a topic, whom to learn from, skills, endorsements, availability. */
public final class ExpertRoutes {
    private final ExpertService experts;
    private final ArticleService articles;
    private final AvailabilityChange availability;

    /** Sets a person's availability for {@code actor} (who asked); {@code inactive} means they left. */
    @FunctionalInterface
    public interface AvailabilityChange {
        PersonInfo set(String personId, String status, Optional<Instant> until, String actor);
    }

    public ExpertRoutes(ExpertService experts, ArticleService articles) {
        this(experts, articles, (id, status, until, actor) -> experts.setAvailability(id, status, until));
    }

    /** @param availability how availability changes, e.g. through the one deactivation service */
    public ExpertRoutes(ExpertService experts, ArticleService articles, AvailabilityChange availability) {
        this.experts = experts;
        this.articles = articles;
        this.availability = availability;
    }

    public record SkillsRequest(List<DeclaredSkill> skills) {}

    public record EndorseRequest(String skill) {}

    public record WantsRequest(List<String> skills) {}

    public record AvailabilityRequest(String status, String until) {}

    public record AliasRequest(String alias) {}

    public void register(RoutesConfig routes) {
        routes.get("/api/experts", this::experts);
        routes.afterMatched("/wiki/{slug}", ctx -> {
            // only a person opening the page reads it: not an <img> or a fetch that points at it
            if (ctx.method() == io.javalin.http.HandlerType.GET
                    && ctx.statusCode() == 200
                    && PageNavigation.isNavigation(ctx)) {
                CurrentUser.of(ctx).ifPresent(p -> experts.recordRead(p.id(), ctx.pathParam("slug")));
            }
        });
        routes.get("/api/people/{id}/learn-from", this::learnFrom);
        routes.get("/api/people/{id}/expertise", ctx -> ctx.json(profile(ctx.pathParam("id"))));
        routes.post("/api/people/{id}/endorsements", this::endorse);
        routes.delete("/api/people/{id}/endorsements/{skill}", this::revoke);
        routes.put("/api/people/{id}/wants-to-learn", this::wants);
        routes.put("/api/people/{id}/availability", this::availability);
        routes.put("/api/people/{id}/skills", this::declare);
        routes.get("/api/articles/{slug}/experts", this::askAnExpert);
        routes.get("/api/skills/{name}", this::skill);
        routes.post("/api/skills/{name}/aliases", this::alias);
        routes.put("/api/skills/{name}", this::describe);
    }

    private void experts(Context ctx) {
        int limit = Requests.intQuery(ctx, "limit", 10, 1, 50);
        boolean all = "true".equalsIgnoreCase(ctx.queryParam("includeUnavailable"));
        String topic = ExpertService.topic(ctx.queryParam("topic"));
        var found = experts.experts(topic, limit, all, Set.of());
        var json = new LinkedHashMap<String, Object>();
        json.put("topic", topic);
        json.put("skills", experts.matchSkills(topic).keySet());
        json.put("experts", found.stream().map(ExpertJson::expertJson).toList());
        ctx.json(json);
    }

    private void learnFrom(Context ctx) {
        String id = ctx.pathParam("id");
        requireSelfOr(ctx, id, Role.CHAMPION, "see whom someone else should learn from");
        int limit = Requests.intQuery(ctx, "limit", 5, 1, 20);
        var advice = experts.advise(id, limit);
        var needs = advice.needs();
        var suggestions = advice.suggestions();
        ctx.json(Map.of(
                "needs",
                needs.stream()
                        .map(n -> Map.of(
                                "skill", n.skill().name(),
                                "weight", n.weight(),
                                "reason", n.reason()))
                        .toList(),
                "suggestions",
                suggestions.stream()
                        .map(s -> {
                            var json = new LinkedHashMap<String, Object>();
                            json.put("person", ExpertJson.personJson(s.person()));
                            json.put("skill", s.skill().name());
                            json.put("score", s.score());
                            json.put("why", s.why());
                            json.put(
                                    "evidence",
                                    s.evidence().stream()
                                            .map(ExpertJson::evidenceJson)
                                            .toList());
                            return json;
                        })
                        .toList()));
    }

    /** Skills with their evidence, contributions with shares, endorsements, wishes. */
    public Map<String, Object> profile(String id) {
        return ExpertJson.profileJson(experts.profile(id).orElseThrow(() -> new NoSuchEntityException("person", id)));
    }

    private void endorse(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        EndorseRequest body = Requests.body(ctx, EndorseRequest.class);
        String skill = requireSkillName(body.skill());
        if (me.id().equals(id)) {
            throw new InvalidInputException("you cannot endorse yourself; ask a colleague who has seen your work");
        }
        var endorsed = experts.endorse(me.id(), id, skill);
        ctx.status(endorsed.created() ? 201 : 200);
        ctx.json(Map.of("created", endorsed.created(), "endorsements", endorsed.endorsements()));
    }

    private void revoke(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.READER);
        String id = ctx.pathParam("id");
        if (!experts.revokeEndorsement(me.id(), id, ctx.pathParam("skill"))) {
            throw new NoSuchEntityException("endorsement", ctx.pathParam("skill"));
        }
        ctx.status(204);
    }

    private void wants(Context ctx) {
        String id = ctx.pathParam("id");
        requireSelfOr(ctx, id, Role.ADMIN, "change what someone else wants to learn");
        WantsRequest body = Requests.body(ctx, WantsRequest.class);
        if (body.skills() == null) {
            throw new InvalidInputException("skills is required: a list of skill names, possibly empty");
        }
        if (body.skills().size() > 50) {
            throw new InvalidInputException("at most 50 skills");
        }
        body.skills().forEach(ExpertRoutes::requireSkillName);
        ctx.json(Map.of("wantsToLearn", experts.setWantsToLearn(id, body.skills())));
    }

    private void availability(Context ctx) {
        String id = ctx.pathParam("id");
        requireSelfOr(ctx, id, Role.ADMIN, "change someone else's availability");
        AvailabilityRequest body = Requests.body(ctx, AvailabilityRequest.class);
        String status = body.status() == null ? "" : body.status().strip();
        if (!Set.of("available", "unavailable", "inactive").contains(status)) {
            throw new InvalidInputException(
                    "status must be available, unavailable or inactive, was '" + body.status() + "'");
        }
        Optional<Instant> until = Optional.empty();
        if (body.until() != null && !body.until().isBlank()) {
            try {
                until = Optional.of(Instant.parse(body.until().strip()));
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(
                        "until must be an ISO-8601 instant such as 2026-12-24T00:00:00Z, was '" + body.until() + "'");
            }
        }
        String actor = CurrentUser.of(ctx).map(Person::id).orElse("unknown");
        ctx.json(ExpertJson.personJson(availability.set(id, status, until, actor)));
    }

    private void declare(Context ctx) {
        String id = ctx.pathParam("id");
        requireSelfOr(ctx, id, Role.ADMIN, "change someone else's skills");
        SkillsRequest body = Requests.body(ctx, SkillsRequest.class);
        if (body.skills() == null) {
            throw new InvalidInputException("skills is required: a list of {name, level}, possibly empty");
        }
        if (body.skills().size() > 100) {
            throw new InvalidInputException("at most 100 skills");
        }
        var declared = body.skills().stream()
                .map(s -> {
                    if (s == null) {
                        throw new InvalidInputException("a skill must be {name, level}");
                    }
                    return new DeclaredSkill(requireSkillName(s.name()), requireLevel(s.level()));
                })
                .toList();
        ctx.json(ExpertJson.profileJson(experts.declareSkills(id, declared)));
    }

    private void askAnExpert(Context ctx) {
        var article = articles.find(ctx.pathParam("slug")).article();
        int limit = Requests.intQuery(ctx, "limit", 3, 1, 10);
        var found = experts.askAbout(
                article.title(), article.skills(), CurrentUser.of(ctx).map(Person::id), limit);
        ctx.json(Map.of("experts", found.stream().map(ExpertJson::expertJson).toList()));
    }

    private void skill(Context ctx) {
        String name = ctx.pathParam("name");
        ctx.json(skillJson(experts.skill(name).orElseThrow(() -> new NoSuchEntityException("skill", name))));
    }

    private Map<String, Object> skillJson(SkillOverview overview) {
        var json = new LinkedHashMap<String, Object>();
        json.put("name", overview.skill().name());
        json.put("key", overview.skill().key());
        json.put("description", overview.description());
        json.put("aliases", overview.aliases());
        json.put("articles", overview.articles());
        json.put(
                "experts",
                experts.experts(overview.skill().name(), 5, false, Set.of()).stream()
                        .map(ExpertJson::expertJson)
                        .toList());
        json.put("related", overview.related());
        return json;
    }

    private void alias(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        AliasRequest body = Requests.body(ctx, AliasRequest.class);
        String alias = requireSkillName(body.alias());
        var skill = experts.addAlias(ctx.pathParam("name"), alias);
        ctx.json(Map.of("name", skill.name(), "key", skill.key(), "alias", alias));
    }

    private void describe(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        DescriptionRequest body = Requests.body(ctx, DescriptionRequest.class);
        String description = requireDescription(body.description());
        ctx.json(skillJson(experts.describeExisting(ctx.pathParam("name"), description)));
    }

    record DescriptionRequest(String description) {}

    static final int MAX_DESCRIPTION = 1_000;

    /** A skill description: plain text, at most {@value #MAX_DESCRIPTION} characters; blank clears it. */
    static String requireDescription(String description) {
        if (description == null) {
            throw new InvalidInputException("description is required (an empty one clears it)");
        }
        return Requests.optionalText(description, "description", MAX_DESCRIPTION);
    }

    /** A declared skill's level: learning, practising (or practicing) or expert, in any case. */
    static String requireLevel(String raw) {
        String level = raw == null ? "" : raw.strip().toLowerCase(java.util.Locale.ROOT);
        if (level.equals("practicing")) {
            level = "practising";
        }
        if (!Set.of("learning", "practising", "expert").contains(level)) {
            throw new InvalidInputException("level must be learning, practising or expert, was '" + raw + "'");
        }
        return level;
    }

    static String requireSkillName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("skill is required");
        }
        if (name.length() > 100) {
            throw new InvalidInputException("a skill name has at most 100 characters");
        }
        return name.strip();
    }

    private static void requireSelfOr(Context ctx, String id, Role role, String what) {
        Person me = CurrentUser.require(ctx, Role.READER);
        if (!me.id().equals(id) && !AuthService.roleOf(me).atLeast(role)) {
            throw new ForbiddenException("only " + id + " or a " + role.id() + " can " + what);
        }
    }
}
