package dev.lore.graph.article;

import static dev.lore.graph.article.ArticleRows.ARTICLE_COLUMNS;
import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.Attribution;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.expertise.WrittenAbout;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.person.PersonCypher;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;

/**
 * Articles and their revisions in the graph. Every write takes the next change sequence number
 * first, which also serialises writers, so the revision check of an update cannot race. Thread-safe.
 * Slugs and redirects are kept by {@link Slugs}, wiki links by {@link WikiLinks}, the skills
 * articles are about by {@link ArticleSkills}; {@link ArticleRows} maps rows to records.
 */
public final class ArticleStore {
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
            PersonCypher.requireExist(
                    tx,
                    baseSlugsAndWrites.stream()
                            .map(e -> e.getValue().authorId())
                            .toList());
            List<String> slugs = Slugs.freeSlugs(
                    tx, baseSlugsAndWrites.stream().map(Map.Entry::getKey).toList());
            var rows = new java.util.ArrayList<Map<String, Object>>(baseSlugsAndWrites.size());
            for (int i = 0; i < baseSlugsAndWrites.size(); i++) {
                ArticleWrite write = baseSlugsAndWrites.get(i).getValue();
                var row = new HashMap<String, Object>(ArticleRows.params(write));
                List<String> lineAuthors =
                        Attribution.carry(List.of(), List.of(), write.markdown(), write.authorId(), List.of());
                row.put("id", UUID.randomUUID().toString());
                row.put("slug", slugs.get(i));
                row.put("skills", SkillNames.params(write.skills()));
                row.put("lineAuthors", lineAuthors);
                row.put("share", Attribution.shares(lineAuthors).getOrDefault(write.authorId(), 0.0));
                row.put("added", Attribution.change("", write.markdown()).added());
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
                                kind: coalesce(row.kind, 'article'),
                                createdAt: row.at, updatedAt: row.at, seq: $seq})
                            CREATE (a)-[:HAS_REVISION]->(:Revision {n: 1, title: row.title, markdown: row.markdown,
                                message: row.message, at: row.at, lineAuthors: row.lineAuthors})-[:BY]->(p)
                            CREATE (p)-[:CONTRIBUTED {edits: 1, firstAt: row.at, lastAt: row.at, share: row.share,
                                added: row.added, removed: 0}]->(a)
                            SET p.lastActiveAt = CASE WHEN p.lastActiveAt >= row.at THEN p.lastActiveAt ELSE row.at END
                            """, params).consume();
            ArticleSkills.about(tx, rows, seq);
            // Links from the new pages (to older pages and to each other), then from older pages that
            // mentioned them before they existed.
            WikiLinks.link(tx, rows);
            var texts = new HashMap<String, String>(); // read back below without the texts just sent
            rows.forEach(r -> texts.put((String) r.get("id"), (String) r.get("markdown")));
            WrittenAbout.refresh(tx, List.copyOf(texts.keySet()), List.of());
            var byId = new HashMap<String, Article>();
            tx.run(
                            "UNWIND $ids AS id MATCH (a:Article {id: id}) RETURN " + ArticleRows.COLUMNS_BUT_MARKDOWN,
                            Map.of("ids", List.copyOf(texts.keySet())))
                    .list(r -> ArticleRows.toArticle(r, texts.get(r.get("id").asString())))
                    .forEach(a -> byId.put(a.id(), a));
            return rows.stream().map(r -> byId.get((String) r.get("id"))).toList();
        });
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
            PersonCypher.requireExist(tx, List.of(write.authorId()));
            String id = Slugs.resolveId(tx, slugOrRedirect)
                    .orElseThrow(() -> new NoSuchEntityException("article", slugOrRedirect));
            Article current = load(tx, id);
            if (current.revision() != baseRevision) {
                throw new StaleRevisionException(current.slug(), baseRevision, current.revision());
            }
            if (sameContent(current, write)) {
                return current;
            }
            String slug = current.title().equals(write.title()) ? current.slug() : Slugs.freeSlug(tx, newBaseSlug, id);
            if (!slug.equals(current.slug())) {
                Slugs.redirect(tx, id, current.slug(), slug);
            }
            var params = new HashMap<String, Object>(ArticleRows.params(write));
            params.put("id", id);
            params.put("slug", slug);
            params.put("seq", seq);
            params.put("n", current.revision() + 1);
            tx.run("""
                            MATCH (a:Article {id: $id})
                            SET a.slug = $slug, a.title = $title, a.titleKey = $titleKey, a.revision = $n,
                                a.tags = $tags, a.links = $links, a.owner = coalesce($owner, a.owner),
                                a.kind = coalesce($kind, a.kind, 'article'),
                                a.updatedAt = $at, a.seq = $seq
                            """, params).consume();
            List<String> skillsBefore = WrittenAbout.skillKeys(tx, id);
            addRevision(tx, id, current.revision() + 1, write);
            dev.lore.graph.curation.VerificationStore.ownerEdited(tx, id, write.authorId(), write.at());
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
            String id = Slugs.resolveId(tx, slugOrRedirect)
                    .orElseThrow(() -> new NoSuchEntityException("article", slugOrRedirect));
            delete(tx, id, byPersonId, at, seq);
            return null;
        });
    }

    /** Deletes article {@code id} in {@code tx} with change sequence number {@code seq}; see {@link #delete}. */
    static void delete(TransactionContext tx, String id, String byPersonId, Instant at, long seq) {
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
        PageTree.releaseChildren(tx, id, seq);
        WrittenAbout.refresh(tx, List.of(id), List.of());
    }

    /**
     * A batch of saves replayed from a history, written together ({@link HistoryBatch}); use it
     * inside {@link #inOneTransaction}.
     */
    public HistoryBatch historyBatch() {
        return new HistoryBatch(graph);
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
                .map(ArticleRows::toArticle));
    }

    /**
     * The article with this slug, live, hidden by a moderator or waiting for review (for champions,
     * who still see it, and a lesson's author).
     */
    public Optional<Article> findIncludingHidden(String slug) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (a:Article {slug: $slug}) WHERE a.status IN ['active', 'hidden', 'review'] RETURN "
                                + ARTICLE_COLUMNS,
                        Map.of("slug", slug))
                .list()
                .stream()
                .findFirst()
                .map(ArticleRows::toArticle));
    }

    /** Where an old slug now points, if it is a redirect to a live article. */
    public Optional<String> redirectTarget(String slug) {
        return graph.read(tx -> Slugs.redirectTarget(tx, slug));
    }

    /** Live articles, most recently updated first. */
    public List<ArticleSummary> list(int offset, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (a:Article {status: 'active'})
                        RETURN a.slug AS slug, a.title AS title, a.tags AS tags, a.revision AS revision,
                               a.updatedAt AS updatedAt
                        ORDER BY a.updatedAt DESC, a.slug SKIP $offset LIMIT $limit
                        """, Map.of("offset", offset, "limit", limit)).list(ArticleRows::toSummary));
    }

    /** Live articles a person saved revisions of, most recent contribution first. */
    public List<ArticleSummary> contributedBy(String personId, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (:Person {id: $id})-[c:CONTRIBUTED]->(a:Article {status: 'active'})
                        RETURN a.slug AS slug, a.title AS title, a.tags AS tags, a.revision AS revision,
                               a.updatedAt AS updatedAt
                        ORDER BY c.lastAt DESC LIMIT $limit
                        """, Map.of("id", personId, "limit", limit)).list(ArticleRows::toSummary));
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
                        """, Map.of("slug", slug)).list(ArticleRows::toRevision));
    }

    public Optional<Revision> revision(String slug, int number) {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {slug: $slug})-[:HAS_REVISION]->(r:Revision {n: $n})-[:BY]->(p:Person)
                        RETURN r.n AS n, r.title AS title, r.markdown AS markdown, r.message AS message,
                               r.at AS at, p.id AS personId, p.name AS personName
                        """, Map.of("slug", slug, "n", number)).list(ArticleRows::toRevision).stream()
                .findFirst());
    }

    /** The page at {@code slug} in one read ({@link PageRead}); a hidden one too with {@code includeHidden}. */
    public Optional<PageRead> page(String slug, boolean includeHidden) {
        return graph.read(tx -> PageRead.bySlug(tx, slug, PageRead.statuses(includeHidden)));
    }

    /** Live articles that link to this one, by title. */
    public List<ArticleSummary> backlinks(String id) {
        return graph.read(tx -> WikiLinks.backlinks(tx, id));
    }

    /** Everyone who saved a revision, most edits first. */
    public List<Contributor> contributors(String id) {
        return graph.read(tx -> tx.run("""
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article {id: $id})
                        RETURN p.id AS id, p.name AS name, c.edits AS edits, coalesce(c.share, 0.0) AS share,
                               c.firstAt AS firstAt, c.lastAt AS lastAt
                        ORDER BY share DESC, c.edits DESC, c.lastAt DESC, p.id
                        """, Map.of("id", id)).list(ArticleRows::toContributor));
    }

    /**
     * Resolves wiki-link keys to the slugs of live articles, by slug, by title key or through a
     * redirect. Keys that resolve to nothing are absent from the result.
     */
    public Map<String, String> resolveLinks(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return graph.read(tx -> WikiLinks.resolve(tx, keys));
    }

    /** A skill as the search index sees it. */
    public record IndexedSkill(String key, String name, long articles, List<String> topContributors, long seq) {}

    /** Skills changed after {@code sinceSeq} (declared, or gaining or losing articles), in sequence order. */
    public List<IndexedSkill> skillChangesSince(long sinceSeq, int limit) {
        return graph.read(tx -> ArticleSkills.changesSince(tx, sinceSeq, limit));
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
                    .list(ArticleRows::toArticle)
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

    private static void addRevision(TransactionContext tx, String id, int n, ArticleWrite write) {
        var params = new HashMap<String, Object>(ArticleRows.params(write));
        params.put("id", id);
        params.put("n", n);
        Attribution.Carried carried = n == 1
                ? Attribution.carried(List.of(), List.of(), write.markdown(), write.authorId(), List.of())
                : LineAuthors.afterSave(tx, id, n, write.markdown(), write.authorId());
        List<String> lineAuthors = carried.authors();
        params.put("lineAuthors", lineAuthors);
        params.put("added", carried.change().added());
        params.put("removed", carried.change().removed());
        tx.run("""
                        MATCH (a:Article {id: $id}), (p:Person {id: $author})
                        CREATE (a)-[:HAS_REVISION]->(r:Revision {n: $n, title: $title, markdown: $markdown,
                            message: $message, at: $at, lineAuthors: $lineAuthors})-[:BY]->(p)
                        MERGE (p)-[c:CONTRIBUTED]->(a)
                          ON CREATE SET c.edits = 0, c.firstAt = $at, c.added = 0, c.removed = 0
                        SET c.edits = c.edits + 1, c.lastAt = $at,
                            c.added = c.added + $added, c.removed = c.removed + $removed,
                            p.lastActiveAt = CASE WHEN p.lastActiveAt >= $at THEN p.lastActiveAt ELSE $at END
                        """, params).consume();
        LineAuthors.setShares(tx, id, lineAuthors);
    }

    /** Re-points ABOUT at the write's skills and LINKS_TO at the pages its wiki links name. */
    private static void linkSkillsAndPages(TransactionContext tx, String id, ArticleWrite write, long seq) {
        // Skills gaining or losing this article change too (their article counts), so they take the seq.
        tx.run("""
                        MATCH (a:Article {id: $id})
                        OPTIONAL MATCH (a)-[old:ABOUT|LINKS_TO|MENTIONS]->(target)
                        FOREACH (s IN CASE WHEN target:Skill THEN [target] ELSE [] END | SET s.seq = $seq)
                        DELETE old
                        """, Map.of("id", id, "seq", seq)).consume();
        ArticleSkills.about(tx, List.of(ArticleSkills.row(id, write)), seq);
        WikiLinks.link(tx, List.of(WikiLinks.row(id, write)));
    }

    private static boolean sameContent(Article current, ArticleWrite write) {
        return current.title().equals(write.title())
                && current.markdown().equals(write.markdown())
                && current.tags().equals(write.tags())
                && current.skills().stream()
                        .sorted()
                        .toList()
                        .equals(write.skills().stream().sorted().toList())
                && (write.owner().isEmpty() || write.owner().equals(current.owner()))
                && (write.kind().isEmpty() || write.kind().get().equals(current.kind()));
    }

    private static Article load(TransactionContext tx, String id) {
        return ArticleRows.toArticle(tx.run("MATCH (a:Article {id: $id}) RETURN " + ARTICLE_COLUMNS, Map.of("id", id))
                .single());
    }
}
