package dev.lore.graph.handover;

import dev.lore.graph.Graph;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;

/**
 * How much of what Lore knows rests on one person, or on people no longer here. An expert on a
 * skill is someone who declared it at a practising or expert level, or whose lasting text on live
 * pages about it adds up to at least {@link #WRITING_SHARE} of a page; a page's knowledge is gone
 * when at least {@link #GONE_SHARE} of its current text is by people who are inactive. Thread-safe.
 */
public final class BusFactorStore {
    /** Lasting text on a skill, in pages' worth, that makes a writer count as one of its experts. */
    public static final double WRITING_SHARE = 0.5;
    /** The part of a page's current text by people no longer here that makes it an orphan. */
    public static final double GONE_SHARE = 0.5;

    private final Graph graph;

    public BusFactorStore(Graph graph) {
        this.graph = graph;
    }

    /** A person as the bus factor shows them. */
    public record Holder(String id, String name, String team) {}

    /**
     * A skill with at most one expert still here: who is left ({@code living}, zero or one), who
     * knew it and is gone, and how many live pages are about it.
     */
    public record SkillRisk(String name, List<Holder> living, List<Holder> gone, long pages) {}

    /** A live page whose current text is mostly by people no longer here, and the teams they were in. */
    public record OrphanedPage(
            String slug, String title, double goneShare, List<String> teams, String ownerId, boolean ownerActive) {}

    /** A team's people: still here and gone. */
    public record TeamSize(String team, long active, long left) {}

    /** Skills whose experts are one or none still here (and at least one ever), most at risk first. */
    public List<SkillRisk> skills(int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (s:Skill)
                        WITH s, COLLECT { MATCH (p:Person)-[r:HAS_SKILL|WROTE_ABOUT]->(s)
                                          WHERE (type(r) = 'HAS_SKILL' AND r.level IN ['expert', 'practising'])
                                             OR (type(r) = 'WROTE_ABOUT' AND coalesce(r.share, 0.0) >= $writing)
                                          RETURN DISTINCT p } AS experts
                        WHERE size(experts) > 0
                        WITH s, [p IN experts WHERE coalesce(p.active, true)] AS living,
                                [p IN experts WHERE NOT coalesce(p.active, true)] AS gone
                        WHERE size(living) <= 1
                        WITH s, living, gone, COUNT { (a:Article {status: 'active'})-[:ABOUT]->(s) } AS pages
                        RETURN s.name AS name, pages,
                               [p IN living | {id: p.id, name: coalesce(p.name, p.id), team: coalesce(p.team, '')}] AS living,
                               [p IN gone | {id: p.id, name: coalesce(p.name, p.id), team: coalesce(p.team, '')}] AS gone
                        ORDER BY size(living), size(gone) DESC, pages DESC, name
                        LIMIT $limit
                        """, Map.of("writing", WRITING_SHARE, "limit", limit))
                .list(r -> new SkillRisk(
                        r.get("name").asString(),
                        r.get("living").asList(BusFactorStore::holder),
                        r.get("gone").asList(BusFactorStore::holder),
                        r.get("pages").asLong())));
    }

    /** Live pages whose current text is mostly by people no longer here, most gone first. */
    public List<OrphanedPage> orphanedPages(int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(a:Article {status: 'active'})
                        WHERE NOT coalesce(p.active, true)
                        WITH a, sum(coalesce(c.share, 0.0)) AS gone, collect(DISTINCT coalesce(p.team, '')) AS teams
                        WHERE gone >= $share
                        OPTIONAL MATCH (o:Person {id: a.owner})
                        RETURN a.slug AS slug, a.title AS title, gone, [t IN teams WHERE t <> ''] AS teams,
                               coalesce(a.owner, '') AS owner, o IS NOT NULL AND coalesce(o.active, true) AS ownerActive
                        ORDER BY gone DESC, title, slug
                        LIMIT $limit
                        """, Map.of("share", GONE_SHARE, "limit", limit))
                .list(r -> new OrphanedPage(
                        r.get("slug").asString(),
                        r.get("title").asString(),
                        r.get("gone").asDouble(),
                        r.get("teams").asList(Value::asString),
                        r.get("owner").asString(),
                        r.get("ownerActive").asBoolean())));
    }

    /** Every named team with how many of its people are still here and how many left. */
    public List<TeamSize> teams() {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person) WHERE coalesce(p.team, '') <> ''
                        RETURN p.team AS team,
                               count(CASE WHEN coalesce(p.active, true) THEN 1 END) AS active,
                               count(CASE WHEN NOT coalesce(p.active, true) THEN 1 END) AS left
                        ORDER BY team
                        """)
                .list(r -> new TeamSize(
                        r.get("team").asString(),
                        r.get("active").asLong(),
                        r.get("left").asLong())));
    }

    private static Holder holder(Value v) {
        return new Holder(
                v.get("id").asString(), v.get("name").asString(), v.get("team").asString());
    }
}
