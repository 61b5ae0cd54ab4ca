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

    private final java.util.function.BiConsumer<String, String> left;

    public ExpertRoutes(ExpertService experts, ArticleService articles) {
        this(experts, articles, (person, by) -> {});
    }

    /** As above; {@code left} hears of every person this API made inactive (their id, then who did it). */
    public ExpertRoutes(
            ExpertService experts, ArticleService articles, java.util.function.BiConsumer<String, String> left) {
        this.experts = experts;
        this.articles = articles;
        this.left = left;
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
        json.put("experts", found.stream().map(ExpertRoutes::expertJson).toList());
        ctx.json(json);
    }

    static Map<String, Object> expertJson(ExpertService.Expert e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("person", personJson(e.person()));
        json.put("score", e.score());
        json.put(
                "evidence",
                e.evidence().stream().map(ExpertRoutes::evidenceJson).toList());
        json.put("explanation", e.explanation());
        return json;
    }

    static Map<String, Object> personJson(PersonInfo p) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", p.id());
        json.put("name", p.name());
        json.put("team", p.team());
        json.put("title", p.title());
        json.put("available", p.suggestible());
        json.put("lastActive", p.lastActive().orElse(null));
        return json;
    }

    /**
     * One piece of evidence as the API has always shown it: {@code kind}, then what that kind
     * has, then {@code weight} and {@code at}.
     */
    static Map<String, Object> evidenceJson(Evidence e) {
        var json = new LinkedHashMap<String, Object>();
        switch (e) {
            case Evidence.Article a -> {
                json.put("kind", "article");
                putIfPresent(json, "title", a.title());
                putIfPresent(json, "slug", a.slug());
                json.put("share", Math.round(a.share() * 1000) / 1000.0);
                if (a.edits() > 0) {
                    json.put("edits", a.edits());
                }
            }
            case Evidence.Answer a -> {
                json.put("kind", "answer");
                putIfPresent(json, "title", a.title());
                putIfPresent(json, "slug", a.questionId());
                if (a.helpful() > 0) {
                    json.put("count", a.helpful());
                }
                json.put("accepted", a.accepted());
            }
            case Evidence.Skill sk -> {
                json.put("kind", "skill");
                sk.level().ifPresent(level -> json.put("level", level));
                putIfPresent(json, "skill", sk.skill());
            }
            case Evidence.Endorsement en -> {
                json.put("kind", "endorsement");
                putIfPresent(json, "skill", en.skill());
                if (en.endorsers() > 0) {
                    json.put("count", en.endorsers());
                }
            }
            case Evidence.Writing w -> {
                json.put("kind", "writing");
                putIfPresent(json, "skill", w.skill());
                json.put("share", Math.round(w.share() * 1000) / 1000.0);
                if (w.articles() > 0) {
                    json.put("count", w.articles());
                }
            }
        }
        json.put("weight", Math.round(e.weight() * 10_000) / 10_000.0);
        json.put("at", e.at().orElse(null));
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
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
                            json.put("person", personJson(s.person()));
                            json.put("skill", s.skill().name());
                            json.put("score", s.score());
                            json.put("why", s.why());
                            json.put(
                                    "evidence",
                                    s.evidence().stream()
                                            .map(ExpertRoutes::evidenceJson)
                                            .toList());
                            return json;
                        })
                        .toList()));
    }

    /** Skills with their evidence, contributions with shares, endorsements, wishes. */
    public Map<String, Object> profile(String id) {
        return profileJson(experts.profile(id).orElseThrow(() -> new NoSuchEntityException("person", id)));
    }

    private static Map<String, Object> profileJson(Profile profile) {
        Instant now = profile.at();
        var json = new LinkedHashMap<String, Object>();
        json.put("person", personJson(profile.person()));
        json.put(
                "skills",
                profile.strongestFirst().stream()
                        .map(e -> {
                            var skill = new LinkedHashMap<String, Object>();
                            skill.put("name", e.skillName());
                            skill.put("declared", e.level().orElse(null));
                            skill.put("endorsedBy", e.endorsers());
                            skill.put("inferred", e.articles() > 0);
                            skill.put("articles", e.articles());
                            skill.put("writtenShare", Math.round(e.writtenShare() * 1000) / 1000.0);
                            skill.put("score", Math.round(Scoring.skillExpertise(e, now) * 1000) / 1000.0);
                            skill.put(
                                    "evidence",
                                    Scoring.describe(e).stream()
                                            .map(ExpertRoutes::evidenceJson)
                                            .toList());
                            return skill;
                        })
                        .toList());
        json.put(
                "contributions",
                profile.contributions().stream()
                        .map(a -> Map.of(
                                "slug", a.slug(),
                                "title", a.title(),
                                "share", Math.round(a.share() * 1000) / 1000.0,
                                "edits", a.edits(),
                                "lastAt", a.lastAt()))
                        .toList());
        json.put("endorsements", profile.endorsements());
        json.put(
                "wantsToLearn",
                profile.wantsToLearn().stream().map(s -> s.name()).toList());
        return json;
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
        PersonInfo after = experts.setAvailability(id, status, until);
        if (status.equals("inactive")) {
            left.accept(id, CurrentUser.require(ctx, Role.READER).id());
        }
        ctx.json(personJson(after));
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
        ctx.json(profileJson(experts.declareSkills(id, declared)));
    }

    private void askAnExpert(Context ctx) {
        var article = articles.find(ctx.pathParam("slug")).article();
        int limit = Requests.intQuery(ctx, "limit", 3, 1, 10);
        var found = experts.askAbout(
                article.title(), article.skills(), CurrentUser.of(ctx).map(Person::id), limit);
        ctx.json(Map.of("experts", found.stream().map(ExpertRoutes::expertJson).toList()));
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
                        .map(ExpertRoutes::expertJson)
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
