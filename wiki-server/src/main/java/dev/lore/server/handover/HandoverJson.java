package dev.lore.server.handover;

import dev.lore.graph.handover.BusFactorStore.Holder;
import dev.lore.graph.handover.Departure;
import dev.lore.graph.handover.Offer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of handover and the bus factor. */
public final class HandoverJson {
    private HandoverJson() {}

    static Map<String, Object> item(HandoverService.Item item) {
        var p = item.page();
        var json = new LinkedHashMap<String, Object>();
        json.put("slug", p.slug());
        json.put("title", p.title());
        json.put("owner", Map.of("id", p.ownerId(), "name", p.ownerName()));
        json.put("reason", p.reason());
        json.put("team", p.team());
        json.put("since", p.since().map(Object::toString).orElse(null));
        json.put("skills", p.skills());
        json.put(
                "proposals",
                item.proposals().stream().map(HandoverJson::proposal).toList());
        json.put("pending", p.pending().map(HandoverJson::offer).orElse(null));
        json.put("declined", p.declined().map(HandoverJson::offer).orElse(null));
        return json;
    }

    static Map<String, Object> proposal(Proposal p) {
        return Map.of("id", p.personId(), "name", p.name(), "source", p.source(), "why", p.why());
    }

    static Map<String, Object> offer(Offer o) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", o.id());
        json.put("slug", o.slug());
        json.put("title", o.title());
        json.put("from", o.fromId());
        json.put("to", Map.of("id", o.toId(), "name", o.toName()));
        json.put("by", o.byId());
        json.put("why", o.why());
        json.put("status", o.status());
        json.put("at", o.at().toString());
        json.put("answeredAt", o.answeredAt().map(Object::toString).orElse(null));
        return json;
    }

    static Map<String, Object> departure(Departure d) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", d.id());
        json.put("person", d.personId());
        json.put("reason", d.reason());
        json.put("fromTeam", d.fromTeam());
        json.put("toTeam", d.toTeam());
        json.put("by", d.by());
        json.put("at", d.at().toString());
        return json;
    }

    public static Map<String, Object> busFactor(BusFactorService.BusFactor b) {
        var json = new LinkedHashMap<String, Object>();
        json.put(
                "skills",
                b.skills().stream()
                        .map(s -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("skill", s.skill());
                            m.put("experts", s.experts());
                            m.put("risk", s.risk());
                            m.put("living", holders(s.living()));
                            m.put("gone", holders(s.gone()));
                            m.put("pages", s.pages());
                            m.put("action", s.action());
                            m.put("actionLabel", s.actionLabel());
                            return m;
                        })
                        .toList());
        json.put(
                "pages",
                b.pages().stream()
                        .map(p -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("slug", p.slug());
                            m.put("title", p.title());
                            m.put("goneShare", p.gonePercent() / 100.0);
                            m.put("teams", p.teams());
                            m.put("action", p.action());
                            m.put("actionLabel", p.actionLabel());
                            return m;
                        })
                        .toList());
        json.put(
                "teams",
                b.teams().stream()
                        .map(t -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("team", t.team());
                            m.put("active", t.active());
                            m.put("left", t.left());
                            m.put("soloSkills", t.soloSkills());
                            m.put("lostSkills", t.lostSkills());
                            m.put("orphanedPages", t.orphanedPages());
                            m.put("action", t.action());
                            return m;
                        })
                        .toList());
        return json;
    }

    private static List<Map<String, String>> holders(List<Holder> holders) {
        return holders.stream()
                .map(h -> Map.of("id", h.id(), "name", h.name(), "team", h.team()))
                .toList();
    }
}
