package dev.lore.graph.article;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.expertise.Attribution;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.expertise.WrittenAbout;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Articles and their revisions in the graph. Every write takes the next change sequence number
 * first, which also serialises writers, so the revision check of an update cannot race. Thread-safe.
 */
public final class ArticleStore {
    /** Projection of an article node {@code a} to the columns {@link #toArticle} reads. */
    private static final String ARTICLE_COLUMNS = """
            a.id AS id, a.slug AS slug, a.title AS title, a.status AS status, a.revision AS revision,
            a.tags AS tags, a.owner AS owner, a.createdAt AS createdAt, a.updatedAt AS updatedAt, a.seq AS seq,
            head([(a)-[:HAS_REVISION]->(r:Revision) WHERE r.n = a.revision | r.markdown]) AS markdown,
            [(a)-[:ABOUT]->(s:Skill) | s.name] AS skills,
            [(p:Person)-[c:CONTRIBUTED]->(a) | [p.id, coalesce(c.share, 0.0), coalesce(c.edits, 0), c.lastAt, p.name]]
              AS contributors
            """;

    private final Graph graph;

    public ArticleStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** Creates an article at the first free slug among {@code baseSlug}, {@code baseSlug-2}, ... */
    public Article create(String baseSlug, ArticleWrite write) {
        return createBatch(List.of(Map.entry(baseSlug, write))).getFirst();
    }

    /**
     * Creates many articles in one transaction with one change sequence number, for bulk imports
     * and benchmarks. Each gets the first free slug from its base, as {@link #create} does.
     */
    public List<Article> createBatch(List<Map.Entry<String, ArticleWrite>> baseSlugsAndWrites) {
        if (baseSlugsAndWrites.isEmpty()) {
            return List.of();
        }
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            requireAuthors(
                    tx,
                    baseSlugsAndWrites.stream()
                            .map(e -> e.getValue().authorId())
                            .toList());
            List<String> slugs = freeSlugs(
                    tx, baseSlugsAndWrites.stream().map(Map.Entry::getKey).toList());
            var rows = new java.util.ArrayList<Map<String, Object>>(baseSlugsAndWrites.size());
            for (int i = 0; i < baseSlugsAndWrites.size(); i++) {
                ArticleWrite write = baseSlugsAndWrites.get(i).getValue();
                var row = new HashMap<String, Object>(writeParams(write));
                List<String> lineAuthors =
                        Attribution.carry(List.of(), List.of(), write.markdown(), write.authorId(), List.of());
                row.put("id", UUID.randomUUID().toString());
                row.put("slug", slugs.get(i));
                row.put("skills", SkillNames.params(write.skills()));
                row.put("lineAuthors", lineAuthors);
                row.put("share", Attribution.shares(lineAuthors).getOrDefault(write.authorId(), 0.0));
                rows.add(row);
            }
            var params = Map.<String, Object>of("rows", rows, "seq", seq);
            // One statement per step for the whole batch: an import costs a handful of round trips
            // per batch instead of several per article.
            tx.run("""
                            UNWIND $rows AS row
                            MATCH (p:Person {id: row.author})
                            CREATE (a:Article {id: row.id, slug: row.slug, title: row.title, titleKey: row.titleKey,
                                status: 'active', revision: 1, tags: row.tags, links: row.links, owner: row.owner,
                                createdAt: row.at, updatedAt: row.at, seq: $seq})
                            CREATE (a)-[:HAS_REVISION]->(:Revision {n: 1, title: row.title, markdown: row.markdown,
                                message: row.message, at: row.at, lineAuthors: row.lineAuthors})-[:BY]->(p)
                            CREATE (p)-[:CONTRIBUTED {edits: 1, firstAt: row.at, lastAt: row.at, share: row.share}]->(a)
                            SET p.lastActiveAt = CASE WHEN p.lastActiveAt >= row.at THEN p.lastActiveAt ELSE row.at END
                            """, params).consume();
            tx.run("""
                            UNWIND $rows AS row
                            MATCH (a:Article {id: row.id})
                            UNWIND row.skills AS skill
                            OPTIONAL MATCH (:SkillAlias {key: skill.key})-[:ALIAS_OF]->(target:Skill)
                            WITH a, skill, coalesce(target.key, skill.key) AS key
                            MERGE (s:Skill {key: key}) ON CREATE SET s.name = skill.name
                            ON MATCH SET s.name = CASE WHEN s.name = toLower(s.name) AND skill.name <> toLower(skill.name) THEN skill.name ELSE s.name END
                            SET s.seq = $seq
                            MERGE (a)-[:ABOUT]->(s)
                            """, params).consume();
            tx.run("""
                            UNWIND $rows AS row
                            MATCH (a:Article {id: row.id})
                            UNWIND row.links AS key
                            MERGE (k:LinkKey {key: key})
                            MERGE (a)-[:MENTIONS]->(k)
                            """, params).consume();
            // Links from the new pages (to older pages and to each other), then from older pages that
            // mentioned them before they existed.
            tx.run("""
                            UNWIND $rows AS row
                            MATCH (a:Article {id: row.id})
                            UNWIND row.links AS key
                            CALL (key) {
                              MATCH (t:Article {slug: key}) RETURN t
                              UNION
                              MATCH (t:Article {titleKey: key}) RETURN t
                              UNION
                              MATCH (:Redirect {slug: key})-[:TO]->(t:Article) RETURN t
                            }
                            WITH a, t WHERE t.status = 'active' AND t <> a
                            MERGE (a)-[:LINKS_TO]->(t)
                            """, params).consume();
            tx.run("""
                            UNWIND $rows AS row
                            MATCH (a:Article {id: row.id})
                            UNWIND [a.slug, row.titleKey] AS key
                            MATCH (:LinkKey {key: key})<-[:MENTIONS]-(b:Article {status: 'active'})
                            WHERE b <> a
                            MERGE (b)-[:LINKS_TO]->(a)
                            """, params).consume();
            WrittenAbout.refresh(
                    tx, rows.stream().map(r -> (String) r.get("id")).toList(), List.of());
            var byId = new HashMap<String, Article>();
            tx.run(
                            "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN " + ARTICLE_COLUMNS,
                            Map.of("ids", rows.stream().map(r -> r.get("id")).toList()))
                    .list(ArticleStore::toArticle)
                    .forEach(a -> byId.put(a.id(), a));
            return rows.stream().map(r -> byId.get((String) r.get("id"))).toList();
        });
    }

    /**
     * For each base, the first of base, base-2, base-3, ... that no article or redirect uses and no
     * earlier base in the list took: one query for the whole batch.
     */
    private static List<String> freeSlugs(TransactionContext tx, List<String> bases) {
        var taken = new java.util.HashSet<String>(
                tx.run("""
                        UNWIND $bases AS b
                        CALL (b) {
                          MATCH (a:Article) WHERE a.slug = b OR a.slug STARTS WITH b + '-' RETURN a.slug AS slug
                          UNION
                          MATCH (r:Redirect) WHERE r.slug = b OR r.slug STARTS WITH b + '-' RETURN r.slug AS slug
                        }
                        RETURN DISTINCT slug
                        """, Map.of("bases", new java.util.ArrayList<>(new java.util.LinkedHashSet<>(bases))))
                        .list(r -> r.get("slug").asString()));
        var out = new java.util.ArrayList<String>(bases.size());
        for (String base : bases) {
            String slug = base;
            for (int n = 2; taken.contains(slug); n++) {
                slug = base + "-" + n;
            }
            taken.add(slug);
            out.add(slug);
        }
        return out;
    }

    private static void requireAuthors(TransactionContext tx, List<String> ids) {
        var distinct = new java.util.ArrayList<>(new java.util.LinkedHashSet<>(ids));
        var found = new java.util.HashSet<String>(
                tx.run("UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id", Map.of("ids", distinct))
                        .list(r -> r.get("id").asString()));
        for (String id : distinct) {
            if (!found.contains(id)) {
                throw new NoSuchEntityException("person", id);
            }
        }
    }

    /**
     * Saves a new revision on top of {@code baseRevision}. A changed title moves the article to a new
     * slug and leaves the old one as a redirect. A save that changes nothing writes nothing.
     *
     * @throws StaleRevisionException if the article has moved past {@code baseRevision}
     * @throws NoSuchEntityException if no live article has this slug or redirect
     */
    public Article update(String slugOrRedirect, int baseRevision, String newBaseSlug, ArticleWrite write) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            requireAuthor(tx, write.authorId());
            String id = resolveId(tx, slugOrRedirect)
                    .orElseThrow(() -> new NoSuchEntityException("article", slugOrRedirect));
            Article current = load(tx, id);
            if (current.revision() != baseRevision) {
                throw new StaleRevisionException(current.slug(), baseRevision, current.revision());
            }
            if (sameContent(current, write)) {
                return current;
            }
            String slug = current.title().equals(write.title()) ? current.slug() : freeSlug(tx, newBaseSlug, id);
            if (!slug.equals(current.slug())) {
                tx.run("""
                                MATCH (a:Article {id: $id})
                                OPTIONAL MATCH (back:Redirect {slug: $slug})
                                DETACH DELETE back
                                MERGE (r:Redirect {slug: $old})
                                WITH a, r
                                OPTIONAL MATCH (r)-[old:TO]->()
                                DELETE old
                                CREATE (r)-[:TO]->(a)
                                """, Map.of("id", id, "slug", slug, "old", current.slug()))
                        .consume();
            }
            var params = new HashMap<String, Object>(writeParams(write));
            params.put("id", id);
            params.put("slug", slug);
            params.put("seq", seq);
            params.put("n", current.revision() + 1);
            tx.run("""
                            MATCH (a:Article {id: $id})
                            SET a.slug = $slug, a.title = $title, a.titleKey = $titleKey, a.revision = $n,
                                a.tags = $tags, a.links = $links, a.owner = coalesce($owner, a.owner),
                                a.updatedAt = $at, a.seq = $seq
                            """, params).consume();
            List<String> skillsBefore = WrittenAbout.skillKeys(tx, id);
            addRevision(tx, id, current.revision() + 1, write);
            linkSkillsAndPages(tx, id, write, seq);
            WrittenAbout.refresh(tx, List.of(id), skillsBefore);
            return load(tx, id);
        });
    }

    /**
     * Marks an article deleted. Its revisions stay; its slug and redirects are released so a new page
     * can take the name. Deleting twice is a no-op.
     */
    public void delete(String slugOrRedirect, String byPersonId, Instant at) {
        graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            String id = resolveId(tx, slugOrRedirect)
                    .orElseThrow(() -> new NoSuchEntityException("article", slugOrRedirect));
            tx.run("""
                            MATCH (a:Article {id: $id})
                            OPTIONAL MATCH (r:Redirect)-[:TO]->(a)
                            DETACH DELETE r
                            WITH DISTINCT a
                            OPTIONAL MATCH (a)-[:ABOUT]->(s:Skill)
                            SET s.seq = $seq
                            WITH DISTINCT a
                            SET a.status = 'deleted', a.deletedSlug = a.slug, a.slug = 'deleted:' + a.id,
                                a.deletedBy = $by, a.deletedAt = $at, a.seq = $seq
                            """, Map.of("id", id, "by", byPersonId, "at", datetime(at), "seq", seq))
                    .consume();
            WrittenAbout.refresh(tx, List.of(id), List.of());
            return null;
        });
    }

    /** The live article with this slug. */
    public Optional<Article> find(String slug) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (a:Article {slug: $slug}) WHERE a.status = 'active' RETURN " + ARTICLE_COLUMNS,
                        Map.of("slug", slug))
                .list()
                .stream()
                .findFirst()
                .map(ArticleStore::toArticle));
    }

    /** The article with this slug, live or hidden by a moderator (for champions, who still see it). */
    public Optional<Article> findIncludingHidden(String slug) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (a:Article {slug: $slug}) WHERE a.status IN ['active', 'hidden'] RETURN "
                                + ARTICLE_COLUMNS,
                        Map.of("slug", slug))
                .list()
                .stream()
                .findFirst()
                .map(ArticleStore::toArticle));
    }

    /** Where an old slug now points, if it is a redirect to a live article. */
    public Optional<String> redirectTarget(String slug) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (:Redirect {slug: $slug})-[:TO]->(a:Article {status: 'active'}) RETURN a.slug AS slug",
                        Map.of("slug", slug))
                .list()
                .stream()
                .findFirst()
                .map(r -> r.get("slug").asString()));
    }

    /** Live articles, most recently updated first. */
    public List<ArticleSummary> list(int offset, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (a:Article {status: 'active'})
                        RETURN a.slug AS slug, a.title AS title, a.tags AS tags, a.revision AS revision,
                               a.updatedAt AS updatedAt
                        ORDER BY a.updatedAt DESC, a.slug SKIP $offset LIMIT $limit
                        """, Map.of("offset", offset, "limit", limit)).list(ArticleStore::toSummary));
    }

    /** Live articles a person saved revisions of, most recent contribution first. */
    public List<ArticleSummary> contributedBy(String personId, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (:Person {id: $id})-[c:CONTRIBUTED]->(a:Article {status: 'active'})
                        RETURN a.slug AS slug, a.title AS title, a.tags AS tags, a.revision AS revision,
                               a.updatedAt AS updatedAt
                        ORDER BY c.lastAt DESC LIMIT $limit
                        """, Map.of("id", personId, "limit", limit)).list(ArticleStore::toSummary));
    }

    public long countLive() {
        return graph.read(tx -> tx.run("MATCH (a:Article {status: 'active'}) RETURN count(a) AS n")
                .single()
                .get("n")
                .asLong());
    }

    /** All revisions, newest first. */
    public List<Revision> revisions(String slug) {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {slug: $slug})-[:HAS_REVISION]->(r:Revision)-[:BY]->(p:Person)
                        RETURN r.n AS n, r.title AS title, r.markdown AS markdown, r.message AS message,
                               r.at AS at, p.id AS personId, p.name AS personName
                        ORDER BY r.n DESC
                        """, Map.of("slug", slug)).list(ArticleStore::toRevision));
    }

    public Optional<Revision> revision(String slug, int number) {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {slug: $slug})-[:HAS_REVISION]->(r:Revision {n: $n})-[:BY]->(p:Person)
                        RETURN r.n AS n, r.title AS title, r.markdown AS markdown, r.message AS message,
                               r.at AS at, p.id AS personId, p.name AS personName
                        """, Map.of("slug", slug, "n", number)).list(ArticleStore::toRevision).stream()
                .findFirst());
    }

    /** Live articles that link to this one, by title. */
    public List<ArticleSummary> backlinks(String id) {
        return graph.read(tx -> tx.run("""
                        MATCH (b:Article {status: 'active'})-[:LINKS_TO]->(:Article {id: $id})
                        RETURN b.slug AS slug, b.title AS title, b.tags AS tags, b.revision AS revision,
                               b.updatedAt AS updatedAt
                        ORDER BY b.title
                        """, Map.of("id", id)).list(ArticleStore::toSummary));
    }

    /** Everyone who saved a revision, most edits first. */
    public List<Contributor> contributors(String id) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article {id: $id})
                        RETURN p.id AS id, p.name AS name, c.edits AS edits, coalesce(c.share, 0.0) AS share,
                               c.firstAt AS firstAt, c.lastAt AS lastAt
                        ORDER BY share DESC, c.edits DESC, c.lastAt DESC
                        """, Map.of("id", id))
                .list(r -> new Contributor(
                        r.get("id").asString(),
                        r.get("name").asString(),
                        r.get("edits").asInt(),
                        r.get("share").asDouble(),
                        instant(r.get("firstAt")),
                        instant(r.get("lastAt")))));
    }

    /**
     * Resolves wiki-link keys to the slugs of live articles, by slug, by title key or through a
     * redirect. Keys that resolve to nothing are absent from the result.
     */
    public Map<String, String> resolveLinks(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return graph.read(tx -> {
            var resolved = new HashMap<String, String>();
            tx.run("""
                            UNWIND $keys AS key
                            CALL (key) {
                              MATCH (t:Article {slug: key}) RETURN t, 0 AS rank
                              UNION
                              MATCH (t:Article {titleKey: key}) RETURN t, 1 AS rank
                              UNION
                              MATCH (:Redirect {slug: key})-[:TO]->(t:Article) RETURN t, 2 AS rank
                            }
                            WITH key, t, rank WHERE t.status = 'active'
                            WITH key, t ORDER BY rank
                            RETURN key, head(collect(t.slug)) AS slug
                            """, Map.of("keys", keys))
                    .list()
                    .forEach(r ->
                            resolved.put(r.get("key").asString(), r.get("slug").asString()));
            return resolved;
        });
    }

    /** A skill as the search index sees it. */
    public record IndexedSkill(String key, String name, long articles, List<String> topContributors, long seq) {}

    /** Skills changed after {@code sinceSeq} (declared, or gaining or losing articles), in sequence order. */
    public List<IndexedSkill> skillChangesSince(long sinceSeq, int limit) {
        return graph.read(tx -> {
            List<String> keys = ChangeSequence.keysChangedSince(tx, "Skill", "key", sinceSeq, limit);
            return tx
                    .run("""
                            UNWIND $keys AS k MATCH (s:Skill {key: k})
                            RETURN s.key AS key, s.name AS name, s.seq AS seq,
                                   COUNT { (s)<-[:ABOUT]-(:Article {status: 'active'}) } AS articles,
                                   [(s)<-[:ABOUT]-(:Article {status: 'active'})<-[:CONTRIBUTED]-(p:Person) | p.name] AS names
                            """, Map.of("keys", keys))
                    .list(r -> new IndexedSkill(
                            r.get("key").asString(),
                            r.get("name").asString(),
                            r.get("articles").asLong(),
                            topByFrequency(r.get("names").asList(v -> v.asString()), 3),
                            r.get("seq").asLong()))
                    .stream()
                    .sorted(java.util.Comparator.comparingLong(IndexedSkill::seq))
                    .toList();
        });
    }

    private static List<String> topByFrequency(List<String> names, int n) {
        var counts = new java.util.LinkedHashMap<String, Long>();
        names.forEach(name -> counts.merge(name, 1L, Long::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Articles changed after {@code sinceSeq}, in sequence order, deleted ones included. */
    public List<Article> changesSince(long sinceSeq, int limit) {
        return graph.read(tx -> {
            List<String> ids = ChangeSequence.keysChangedSince(tx, "Article", "id", sinceSeq, limit);
            if (ids.isEmpty()) {
                return List.of();
            }
            return tx
                    .run("UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN " + ARTICLE_COLUMNS, Map.of("ids", ids))
                    .list(ArticleStore::toArticle)
                    .stream()
                    .sorted(java.util.Comparator.comparingLong(Article::seq))
                    .toList();
        });
    }

    /**
     * Computes line authors and contribution shares for articles saved before Lore attributed lines
     * (an upgrade step, run on start); returns how many articles it replayed.
     */
    public int backfillAttribution() {
        return LineAuthors.backfill(graph);
    }

    public long currentSeq() {
        return graph.read(ChangeSequence::current);
    }

    /** Runs many store calls in one transaction ({@link Graph#inOneTransaction}); for bulk imports. */
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return graph.inOneTransaction(work);
    }

    /** Whether this thread's writes are inside an open {@link #inOneTransaction}, not committed yet. */
    public boolean inTransaction() {
        return graph.inTransaction();
    }

    private static Optional<String> resolveId(TransactionContext tx, String slugOrRedirect) {
        var id = tx.run("""
                        OPTIONAL MATCH (a:Article {slug: $slug, status: 'active'})
                        OPTIONAL MATCH (:Redirect {slug: $slug})-[:TO]->(b:Article {status: 'active'})
                        RETURN coalesce(a.id, b.id) AS id
                        """, Map.of("slug", slugOrRedirect)).single().get("id");
        return id.isNull() ? Optional.empty() : Optional.of(id.asString());
    }

    /** The first of base, base-2, base-3, ... not used by another article or a redirect to another. */
    private static String freeSlug(TransactionContext tx, String base, String ownId) {
        for (int n = 1; ; n++) {
            String candidate = n == 1 ? base : base + "-" + n;
            boolean taken =
                    tx.run("""
                            OPTIONAL MATCH (a:Article {slug: $slug}) WHERE $own IS NULL OR a.id <> $own
                            OPTIONAL MATCH (:Redirect {slug: $slug})-[:TO]->(b:Article) WHERE $own IS NULL OR b.id <> $own
                            RETURN a IS NOT NULL OR b IS NOT NULL AS taken
                            """, params(candidate, ownId)).single().get("taken").asBoolean();
            if (!taken) {
                return candidate;
            }
        }
    }

    private static Map<String, Object> params(String slug, String ownId) {
        var params = new HashMap<String, Object>();
        params.put("slug", slug);
        params.put("own", ownId); // null for a new article
        return params;
    }

    private static void requireAuthor(TransactionContext tx, String personId) {
        boolean exists = tx.run("MATCH (p:Person {id: $id}) RETURN count(p) > 0 AS exists", Map.of("id", personId))
                .single()
                .get("exists")
                .asBoolean();
        if (!exists) {
            throw new NoSuchEntityException("person", personId);
        }
    }

    private static Map<String, Object> writeParams(ArticleWrite write) {
        var params = new HashMap<String, Object>();
        params.put("title", write.title());
        params.put("titleKey", write.titleKey());
        params.put("markdown", write.markdown());
        params.put("tags", write.tags());
        params.put("skills", write.skills());
        params.put("links", write.linkKeys());
        params.put("owner", write.owner().orElse(null));
        params.put("message", write.message());
        params.put("author", write.authorId());
        params.put("at", datetime(write.at()));
        return params;
    }

    private static void addRevision(TransactionContext tx, String id, int n, ArticleWrite write) {
        var params = new HashMap<String, Object>(writeParams(write));
        params.put("id", id);
        params.put("n", n);
        List<String> lineAuthors = n == 1
                ? Attribution.carry(List.of(), List.of(), write.markdown(), write.authorId(), List.of())
                : LineAuthors.afterSave(tx, id, n, write.markdown(), write.authorId());
        params.put("lineAuthors", lineAuthors);
        tx.run("""
                        MATCH (a:Article {id: $id}), (p:Person {id: $author})
                        CREATE (a)-[:HAS_REVISION]->(r:Revision {n: $n, title: $title, markdown: $markdown,
                            message: $message, at: $at, lineAuthors: $lineAuthors})-[:BY]->(p)
                        MERGE (p)-[c:CONTRIBUTED]->(a)
                          ON CREATE SET c.edits = 0, c.firstAt = $at
                        SET c.edits = c.edits + 1, c.lastAt = $at,
                            p.lastActiveAt = CASE WHEN p.lastActiveAt >= $at THEN p.lastActiveAt ELSE $at END
                        """, params).consume();
        LineAuthors.setShares(tx, id, lineAuthors);
    }

    /** Re-points ABOUT at the write's skills and LINKS_TO at the pages its wiki links name. */
    private static void linkSkillsAndPages(TransactionContext tx, String id, ArticleWrite write, long seq) {
        var params = Map.<String, Object>of(
                "id",
                id,
                "skills",
                SkillNames.params(write.skills()),
                "links",
                write.linkKeys(),
                "titleKey",
                write.titleKey(),
                "seq",
                seq);
        // Skills gaining or losing this article change too (their article counts), so they take the seq.
        tx.run("""
                        MATCH (a:Article {id: $id})
                        OPTIONAL MATCH (a)-[old:ABOUT|LINKS_TO|MENTIONS]->(target)
                        FOREACH (s IN CASE WHEN target:Skill THEN [target] ELSE [] END | SET s.seq = $seq)
                        DELETE old
                        """, params).consume();
        tx.run("""
                        MATCH (a:Article {id: $id})
                        UNWIND $skills AS skill
                        OPTIONAL MATCH (:SkillAlias {key: skill.key})-[:ALIAS_OF]->(target:Skill)
                        WITH a, skill, coalesce(target.key, skill.key) AS key
                        MERGE (s:Skill {key: key}) ON CREATE SET s.name = skill.name
                        ON MATCH SET s.name = CASE WHEN s.name = toLower(s.name) AND skill.name <> toLower(skill.name) THEN skill.name ELSE s.name END
                        SET s.seq = $seq
                        MERGE (a)-[:ABOUT]->(s)
                        """, params).consume();
        tx.run("""
                        MATCH (a:Article {id: $id})
                        UNWIND $links AS key
                        CALL (key) {
                          MATCH (t:Article {slug: key}) RETURN t
                          UNION
                          MATCH (t:Article {titleKey: key}) RETURN t
                          UNION
                          MATCH (:Redirect {slug: key})-[:TO]->(t:Article) RETURN t
                        }
                        WITH a, t WHERE t.status = 'active' AND t <> a
                        MERGE (a)-[:LINKS_TO]->(t)
                        """, params).consume();
        // Every link key is a node, so pages can find who mentions them without scanning all articles.
        tx.run("""
                        MATCH (a:Article {id: $id})
                        UNWIND $links AS key
                        MERGE (k:LinkKey {key: key})
                        MERGE (a)-[:MENTIONS]->(k)
                        """, params).consume();
        // Pages that linked to this one before it existed (or under its new name) now resolve.
        tx.run("""
                        MATCH (a:Article {id: $id})
                        UNWIND [a.slug, $titleKey] AS key
                        MATCH (:LinkKey {key: key})<-[:MENTIONS]-(b:Article {status: 'active'})
                        WHERE b <> a
                        MERGE (b)-[:LINKS_TO]->(a)
                        """, params).consume();
    }

    private static boolean sameContent(Article current, ArticleWrite write) {
        return current.title().equals(write.title())
                && current.markdown().equals(write.markdown())
                && current.tags().equals(write.tags())
                && current.skills().stream()
                        .sorted()
                        .toList()
                        .equals(write.skills().stream().sorted().toList())
                && (write.owner().isEmpty() || write.owner().equals(current.owner()));
    }

    private static Article load(TransactionContext tx, String id) {
        return toArticle(tx.run("MATCH (a:Article {id: $id}) RETURN " + ARTICLE_COLUMNS, Map.of("id", id))
                .single());
    }

    private static Article toArticle(Record r) {
        // one walk of the contributions gives both the names shown and what each person wrote
        var names = new java.util.ArrayList<String>();
        var credits = new java.util.ArrayList<Article.Credit>();
        for (Value c : r.get("contributors").values()) {
            names.add(c.get(4).asString());
            credits.add(new Article.Credit(
                    c.get(0).asString(),
                    c.get(1).asDouble(),
                    c.get(2).asInt(),
                    c.get(3).isNull() ? instant(r.get("updatedAt")) : instant(c.get(3))));
        }
        return new Article(
                r.get("id").asString(),
                r.get("slug").asString(),
                r.get("title").asString(),
                "deleted".equals(r.get("status").asString()),
                r.get("revision").asInt(),
                r.get("markdown").isNull() ? "" : r.get("markdown").asString(),
                strings(r.get("tags")),
                strings(r.get("skills")),
                optionalString(r.get("owner")),
                List.copyOf(names),
                instant(r.get("createdAt")),
                instant(r.get("updatedAt")),
                r.get("seq").asLong(),
                "hidden".equals(r.get("status").asString()),
                List.copyOf(credits));
    }

    /** Reads the columns slug, title, tags, revision and updatedAt. */
    private static ArticleSummary toSummary(Record r) {
        return new ArticleSummary(
                r.get("slug").asString(),
                r.get("title").asString(),
                strings(r.get("tags")),
                r.get("revision").asInt(),
                instant(r.get("updatedAt")));
    }

    private static Revision toRevision(Record r) {
        return new Revision(
                r.get("n").asInt(),
                r.get("title").asString(),
                r.get("markdown").asString(),
                r.get("message").asString(),
                instant(r.get("at")),
                new PersonRef(r.get("personId").asString(), r.get("personName").asString()));
    }
}
