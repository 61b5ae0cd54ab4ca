package dev.lore.server.expertise;

import dev.lore.graph.expertise.PersonInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The expertise API's JSON: an expert, a person, a piece of evidence and a profile. */
final class ExpertJson {
    private ExpertJson() {}

    static Map<String, Object> expertJson(ExpertService.Expert e) {
        var json = new LinkedHashMap<String, Object>();
        json.put("person", personJson(e.person()));
        json.put("score", e.score());
        json.put("evidence", e.evidence().stream().map(ExpertJson::evidenceJson).toList());
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
            case Evidence.Teaching t -> {
                json.put("kind", "teaching");
                putIfPresent(json, "title", t.title());
                putIfPresent(json, "slug", t.slug());
                json.put("count", t.learners());
                json.put("share", Math.round(t.share() * 1000) / 1000.0);
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

    static Map<String, Object> profileJson(Profile profile) {
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
                                            .map(ExpertJson::evidenceJson)
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
}
