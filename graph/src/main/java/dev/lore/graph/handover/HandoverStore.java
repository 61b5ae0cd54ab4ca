package dev.lore.graph.handover;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalInstant;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Pages that need a new owner because theirs left or moved team, and the offers that hand them
 * over. The queue is read from the graph as it is: a live page is in it while its owner is inactive
 * (however they became so) or has moved team and the page was neither kept with them, handed over
 * nor marked for archiving. {@code (:Departure)} nodes remember when and from which team;
 * {@code (:HandoverOffer)} nodes remember who was asked and what they said. Writes that decide a
 * page take the change sequence first, so two champions (or a champion and the person asked) are
 * serialised. Thread-safe.
 */
public final class HandoverStore {
    private final Graph graph;

    public HandoverStore(Graph graph) {
        this.graph = graph;
    }

    /** A departure and whether this call recorded it (false: the person's last departure was already this one). */
    public record Recorded(Departure departure, boolean created) {}

    /** A champion (or admin) who is still here, and which of the asked skills they hold or wrote about. */
    public record Champion(String personId, String name, List<String> skills) {}

    private static final String OFFER = """
            f {.id, .article, .from, .to, .by, .why, .status, .at, .answeredAt,
               toName: coalesce(t.name, f.to), slug: a.slug, title: a.title}""";

    private static final String QUEUE = """
            MATCH (a:Article {status: 'active'})
            WHERE a.owner IS NOT NULL AND a.archiveMarkedAt IS NULL AND ($slug IS NULL OR a.slug = $slug)
            MATCH (o:Person {id: a.owner})
            WITH a, o, COLLECT { MATCH (d:Departure {person: o.id}) RETURN d ORDER BY d.at DESC LIMIT 1 } AS ds
            WITH a, o, CASE WHEN size(ds) = 0 THEN null ELSE ds[0] END AS d
            WITH a, o, d,
                 CASE WHEN NOT coalesce(o.active, true) THEN 'left'
                      WHEN d IS NOT NULL AND d.reason = 'moved' AND coalesce(a.handoverKept, '') <> d.id THEN 'moved'
                      ELSE null END AS reason
            WHERE reason IS NOT NULL
            WITH a, o, reason, CASE WHEN d IS NOT NULL AND d.reason = reason THEN d ELSE null END AS d
            WITH a, o, reason, d, CASE WHEN d IS NULL THEN coalesce(o.team, '') ELSE d.fromTeam END AS team
            WHERE $team IS NULL OR team = $team
            RETURN a.id AS id, a.slug AS slug, a.title AS title, o.id AS owner, coalesce(o.name, o.id) AS ownerName,
                   reason, team, d.at AS since,
                   [(a)-[:ABOUT]->(s:Skill) | s.name] AS skills,
                   COLLECT { MATCH (f:HandoverOffer {article: a.id, status: 'pending'})
                             OPTIONAL MATCH (t:Person {id: f.to})
                             RETURN %1$s ORDER BY f.at DESC LIMIT 1 } AS pending,
                   COLLECT { MATCH (f:HandoverOffer {article: a.id, status: 'declined'})
                             OPTIONAL MATCH (t:Person {id: f.to})
                             RETURN %1$s ORDER BY f.answeredAt DESC LIMIT 1 } AS declined
            ORDER BY since DESC, ownerName, title, slug
            LIMIT $limit
            """.formatted(OFFER);

    /**
     * Records that a person left or moved team. {@code fromTeam} empty means their team as stored
     * now. A person whose last departure has the same reason (and, for a move, the same new team) is
     * not recorded twice.
     *
     * @throws NoSuchEntityException if there is no such person
     */
    public Recorded recordDeparture(
            String personId, String reason, Optional<String> fromTeam, String toTeam, String by, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("person", personId);
        params.put("reason", reason);
        params.put("from", fromTeam.orElse(null));
        params.put("to", toTeam);
        params.put("by", by);
        params.put("at", datetime(at));
        params.put("id", UUID.randomUUID().toString());
        return graph.write(tx -> {
            ChangeSequence.next(tx); // one departure at a time: two calls for one person record it once
            var person = tx.run("MATCH (p:Person {id: $person}) RETURN coalesce(p.team, '') AS team", params)
                    .list();
            if (person.isEmpty()) {
                throw new NoSuchEntityException("person", personId);
            }
            var last = tx.run("""
                            MATCH (d:Departure {person: $person}) RETURN d ORDER BY d.at DESC LIMIT 1
                            """, params).list(r -> departure(r.get("d")));
            if (!last.isEmpty()
                    && last.getFirst().reason().equals(reason)
                    && (reason.equals(Departure.LEFT)
                            || last.getFirst().toTeam().equals(toTeam))) {
                return new Recorded(last.getFirst(), false);
            }
            if (params.get("from") == null) {
                params.put("from", person.getFirst().get("team").asString());
            }
            var created = tx.run("""
                            CREATE (d:Departure {id: $id, person: $person, reason: $reason, fromTeam: $from,
                                                 toTeam: $to, by: $by, at: $at})
                            RETURN d
                            """, params).single();
            return new Recorded(departure(created.get("d")), true);
        });
    }

    /** The pages waiting for a new owner, newest departure first; with a team, only the owners who were in it. */
    public List<QueueItem> queue(Optional<String> team, int limit) {
        var params = new HashMap<String, Object>();
        params.put("team", team.orElse(null));
        params.put("slug", null);
        params.put("limit", limit);
        return graph.read(tx -> tx.run(QUEUE, params).list(HandoverStore::item));
    }

    /** The queue entry of one page, if it is waiting for a new owner. */
    public Optional<QueueItem> item(String slug) {
        var params = new HashMap<String, Object>();
        params.put("team", null);
        params.put("slug", slug);
        params.put("limit", 1);
        return graph.read(tx -> tx.run(QUEUE, params).list(HandoverStore::item)).stream()
                .findFirst();
    }

    /** The people still here who wrote part of the page's current text, largest lasting share first. */
    public List<Contributor> livingContributors(String articleId, String excludedId, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(a:Article {id: $article})
                        WHERE coalesce(p.active, true) AND p.id <> $excluded AND coalesce(c.share, 0.0) > 0
                        RETURN p.id AS id, coalesce(p.name, p.id) AS name, c.share AS share
                        ORDER BY share DESC, id LIMIT $limit
                        """, Map.of("article", articleId, "excluded", excludedId, "limit", limit))
                .list(r -> new Contributor(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("share").asDouble())));
    }

    /**
     * Active champions and admins, those who declared or wrote about most of {@code skillNames}
     * first (matched by skill name or key), then the others; {@code excludedId} left out.
     */
    public List<Champion> champions(List<String> skillNames, String excludedId, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)
                        WHERE toLower(coalesce(p.role, '')) IN ['champion', 'admin'] AND coalesce(p.active, true)
                          AND p.id <> $excluded
                        WITH p, COLLECT { MATCH (p)-[:HAS_SKILL|WROTE_ABOUT]->(s:Skill)
                                          WHERE s.name IN $skills OR s.key IN [x IN $skills | toLower(x)]
                                          RETURN DISTINCT s.name } AS held
                        RETURN p.id AS id, coalesce(p.name, p.id) AS name, held
                        ORDER BY size(held) DESC, name, id LIMIT $limit
                        """, Map.of("skills", skillNames, "excluded", excludedId, "limit", limit))
                .list(r -> new Champion(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("held").asList(Value::asString))));
    }

    /**
     * Offers the live page {@code slug} to {@code toId}; an offer of it still waiting is withdrawn.
     *
     * @throws NoSuchEntityException if the page or the person does not exist, or the person left
     */
    public Offer offer(String slug, String toId, String byId, String why, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("slug", slug);
        params.put("to", toId);
        params.put("by", byId);
        params.put("why", why);
        params.put("at", datetime(at));
        params.put("id", UUID.randomUUID().toString());
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            if (tx.run("MATCH (a:Article {slug: $slug, status: 'active'}) RETURN a.id", params)
                    .list()
                    .isEmpty()) {
                throw new NoSuchEntityException("article", slug);
            }
            if (tx.run("MATCH (p:Person {id: $to}) WHERE coalesce(p.active, true) RETURN p.id", params)
                    .list()
                    .isEmpty()) {
                throw new NoSuchEntityException("person", toId);
            }
            tx.run("""
                            MATCH (a:Article {slug: $slug, status: 'active'})
                            MATCH (f:HandoverOffer {article: a.id, status: 'pending'})
                            SET f.status = 'withdrawn', f.answeredAt = $at
                            """, params).consume();
            tx.run("""
                            MATCH (a:Article {slug: $slug, status: 'active'})
                            CREATE (:HandoverOffer {id: $id, article: a.id, from: a.owner, to: $to, by: $by,
                                                    why: $why, status: 'pending', at: $at})
                            """, params).consume();
            return findIn(tx, (String) params.get("id")).orElseThrow();
        });
    }

    public Optional<Offer> findOffer(String id) {
        return graph.read(tx -> findIn(tx, id));
    }

    private static Optional<Offer> findIn(org.neo4j.driver.TransactionContext tx, String id) {
        return tx.run("""
                        MATCH (f:HandoverOffer {id: $id})
                        OPTIONAL MATCH (a:Article {id: f.article})
                        OPTIONAL MATCH (t:Person {id: f.to})
                        RETURN %s AS f
                        """.formatted(OFFER), Map.of("id", id)).list(r -> offer(r.get("f"))).stream()
                .findFirst();
    }

    /** The offers waiting for this person's answer, oldest first. */
    public List<Offer> offersTo(String personId) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (f:HandoverOffer {to: $person, status: 'pending'})
                        MATCH (a:Article {id: f.article, status: 'active'})
                        OPTIONAL MATCH (t:Person {id: f.to})
                        RETURN %s AS f ORDER BY f.at, f.id
                        """.formatted(OFFER), Map.of("person", personId)).list(r -> offer(r.get("f"))));
    }

    /**
     * Answers a waiting offer: accepting makes its person the page's owner. Empty when the offer is
     * no longer waiting (answered, withdrawn, or its page was deleted).
     */
    public Optional<Offer> answer(String offerId, boolean accept, Instant at) {
        var params = Map.<String, Object>of(
                "id", offerId, "status", accept ? Offer.ACCEPTED : Offer.DECLINED, "at", datetime(at));
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var done = tx.run("""
                            MATCH (f:HandoverOffer {id: $id, status: 'pending'})
                            MATCH (a:Article {id: f.article, status: 'active'})
                            SET f.status = $status, f.answeredAt = $at
                            RETURN a.id AS article
                            """, params).list();
            if (done.isEmpty()) {
                return Optional.empty();
            }
            if (accept) {
                tx.run("""
                                MATCH (f:HandoverOffer {id: $id}) MATCH (a:Article {id: f.article})
                                SET a.owner = f.to, a.seq = $seq
                                REMOVE a.handoverKept
                                """, Map.of("id", offerId, "seq", seq)).consume();
            }
            return findIn(tx, offerId);
        });
    }

    /** Marks a live page for archiving: it leaves the queue; a champion hides or deletes it later. */
    public boolean markForArchiving(String slug, String by, Instant at) {
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            tx.run("""
                            MATCH (a:Article {slug: $slug, status: 'active'})
                            MATCH (f:HandoverOffer {article: a.id, status: 'pending'})
                            SET f.status = 'withdrawn', f.answeredAt = $at
                            """, Map.of("slug", slug, "at", datetime(at))).consume();
            return !tx.run("""
                            MATCH (a:Article {slug: $slug, status: 'active'})
                            SET a.archiveMarkedAt = $at, a.archiveMarkedBy = $by
                            RETURN a.id
                            """, Map.of("slug", slug, "by", by, "at", datetime(at)))
                    .list()
                    .isEmpty();
        });
    }

    /** Keeps a page with an owner who moved team (they still know it): it leaves the queue for this move. */
    public boolean keepWithOwner(String slug) {
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            return !tx.run("""
                            MATCH (a:Article {slug: $slug, status: 'active'})
                            MATCH (d:Departure {person: a.owner, reason: 'moved'})
                            WITH a, d ORDER BY d.at DESC LIMIT 1
                            SET a.handoverKept = d.id
                            RETURN a.id
                            """, Map.of("slug", slug)).list().isEmpty();
        });
    }

    /** Pages marked for archiving that are still live, newest mark first. */
    public List<Map.Entry<String, String>> markedForArchiving(int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {status: 'active'}) WHERE a.archiveMarkedAt IS NOT NULL
                        RETURN a.slug AS slug, a.title AS title ORDER BY a.archiveMarkedAt DESC, slug LIMIT $limit
                        """, Map.of("limit", limit))
                .list(r -> Map.entry(r.get("slug").asString(), r.get("title").asString())));
    }

    private static QueueItem item(Record r) {
        return new QueueItem(
                r.get("id").asString(),
                r.get("slug").asString(),
                r.get("title").asString(),
                r.get("owner").asString(),
                r.get("ownerName").asString(),
                r.get("reason").asString(),
                r.get("team").asString(),
                optionalInstant(r.get("since")),
                r.get("skills").asList(Value::asString),
                r.get("pending").asList(v -> v).stream().findFirst().map(HandoverStore::offer),
                r.get("declined").asList(v -> v).stream().findFirst().map(HandoverStore::offer));
    }

    private static Offer offer(Value f) {
        return new Offer(
                f.get("id").asString(),
                f.get("article").asString(),
                f.get("slug").asString(""),
                f.get("title").asString(""),
                f.get("from").asString(""),
                f.get("to").asString(),
                f.get("toName").asString(),
                f.get("by").asString(""),
                f.get("why").asString(""),
                f.get("status").asString(),
                instant(f.get("at")),
                optionalInstant(f.get("answeredAt")));
    }

    private static Departure departure(Value d) {
        return new Departure(
                d.get("id").asString(),
                d.get("person").asString(),
                d.get("reason").asString(),
                d.get("fromTeam").asString(""),
                d.get("toTeam").asString(""),
                d.get("by").asString(""),
                instant(d.get("at")));
    }
}
