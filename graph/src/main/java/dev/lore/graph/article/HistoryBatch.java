package dev.lore.graph.article;

import static dev.lore.graph.internal.Values.datetime;

import dev.lore.graph.Graph;
import dev.lore.graph.expertise.Attribution;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.expertise.WrittenAbout;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.person.PersonCypher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.neo4j.driver.TransactionContext;

/**
 * Many saves of many articles, in order, written as a handful of statements: for replaying a
 * history (the Git import). Creates, updates and deletes behave as {@link ArticleStore}'s do,
 * one after another; what only depends on where a batch ends (revisions, contributions and
 * shares, line authors, links, skills, the expertise summary) is kept in memory and written by
 * {@link #flush} with one {@code UNWIND} statement per step. Slugs and deletes, whose outcome
 * depends on what came before, are written at once. Line authors are computed in memory from the
 * revisions loaded by {@link #preload} and the saves made since.
 *
 * <p>Use inside {@link ArticleStore#inOneTransaction} and call {@link #flush} before it ends;
 * all saves take one change sequence number. Not thread-safe: one batch, one thread.
 */
public final class HistoryBatch {
    private final Graph graph;
    private final Map<String, HistoryState> states = new HashMap<>();
    private final Map<String, HistoryState> dirty = new LinkedHashMap<>();
    private final List<Map<String, Object>> revisions = new ArrayList<>();
    private final Map<String, Map<String, Object>> contributions = new LinkedHashMap<>();
    /** New articles not written yet: their nodes are created first when the batch writes. */
    private final List<Map<String, Object>> creates = new ArrayList<>();

    private final BatchSlugs slugs = new BatchSlugs();
    private Optional<Long> seq = Optional.empty();

    HistoryBatch(Graph graph) {
        this.graph = graph;
    }

    /** What a save left: the article's id, slug and revision, and whether it wrote a revision. */
    public record Saved(String id, String slug, int revision, boolean wrote) {}

    /** Loads the articles later saves will touch, in one query; others are loaded when first saved. */
    public void preload(Collection<String> ids) {
        var missing =
                ids.stream().filter(id -> !states.containsKey(id)).distinct().toList();
        if (!missing.isEmpty()) {
            graph.write(tx -> {
                load(tx, missing);
                return null;
            });
        }
    }

    /**
     * Reads the slugs new articles with these base slugs could take, in one query, so creating
     * them needs no query of its own; a base not given here is read when first created.
     */
    public void preloadSlugs(Collection<String> bases) {
        if (bases.stream().anyMatch(b -> !b.isEmpty() && !slugs.knows(b))) {
            graph.write(tx -> {
                slugs.load(tx, bases);
                return null;
            });
        }
    }

    /** The article as this batch sees it, shaped for validation (the fields a save falls back on). */
    public Optional<Article> current(String id) {
        preload(List.of(id));
        HistoryState s = states.get(id);
        if (s == null || !s.live) {
            return Optional.empty();
        }
        return Optional.of(new Article(
                s.id,
                s.slug,
                s.title,
                false,
                s.revision,
                s.markdown,
                s.tags,
                s.skills,
                s.owner,
                List.of(),
                s.updatedAt,
                s.updatedAt,
                0,
                false,
                List.of(),
                Article.ARTICLE)); // the Git import writes articles; a lesson is never imported from Git
    }

    /**
     * Creates an article at the first free slug from {@code baseSlug}, as {@link ArticleStore#create}
     * does; its node is written with the batch's other saves.
     */
    public Saved create(String baseSlug, ArticleWrite write) {
        HistoryState s = new HistoryState(UUID.randomUUID().toString());
        s.created = true;
        s.live = true;
        preloadSlugs(List.of(baseSlug));
        s.slug = slugs.take(baseSlug);
        var row = new HashMap<String, Object>();
        row.put("id", s.id);
        row.put("slug", s.slug);
        row.put("title", write.title());
        row.put("titleKey", write.titleKey());
        row.put("at", datetime(write.at()));
        creates.add(row);
        states.put(s.id, s);
        save(s, write);
        return new Saved(s.id, s.slug, s.revision, true);
    }

    /** Writes the nodes of the new articles so far, so that queries of the graph see them. */
    public void writeCreated() {
        if (!creates.isEmpty()) {
            graph.write(tx -> {
                writeCreates(tx, seq(tx));
                return null;
            });
        }
    }

    private void writeCreates(TransactionContext tx, long n) {
        if (creates.isEmpty()) {
            return;
        }
        tx.run("""
                        UNWIND $creates AS x
                        CREATE (:Article {id: x.id, slug: x.slug, title: x.title, titleKey: x.titleKey, status: 'active',
                            revision: 1, createdAt: x.at, updatedAt: x.at, seq: $seq})
                        """, Map.of("creates", List.copyOf(creates), "seq", n)).consume();
        creates.clear();
    }

    /**
     * Saves a new revision of live article {@code id} on top of what this batch last saw of it; a
     * save that changes nothing writes nothing. A new title moves it to a free slug and leaves a
     * redirect, at once.
     *
     * @throws dev.lore.graph.NoSuchEntityException if there is no live article {@code id}
     */
    public Saved update(String id, ArticleWrite write) {
        preload(List.of(id));
        HistoryState s = states.get(id);
        if (s == null || !s.live) {
            throw new dev.lore.graph.NoSuchEntityException("article", id);
        }
        if (s.sameContent(write)) {
            return new Saved(s.id, s.slug, s.revision, false);
        }
        if (!s.title.equals(write.title())) {
            graph.write(tx -> {
                writeCreates(tx, seq(tx)); // the free slug must see the new pages
                String slug = Slugs.freeSlug(tx, write.titleKey(), id);
                if (!slug.equals(s.slug)) {
                    Slugs.redirect(tx, id, s.slug, slug);
                    tx.run("MATCH (a:Article {id: $id}) SET a.slug = $slug", Map.of("id", id, "slug", slug))
                            .consume();
                    s.slug = slug;
                    slugs.taken(slug);
                }
                return null;
            });
        }
        save(s, write);
        return new Saved(s.id, s.slug, s.revision, true);
    }

    /** Deletes live article {@code id} as {@link ArticleStore#delete} does, after writing its pending saves. */
    public void delete(String id, String byPersonId, Instant at) {
        preload(List.of(id));
        HistoryState s = states.get(id);
        if (s == null || !s.live) {
            throw new dev.lore.graph.NoSuchEntityException("article", id);
        }
        graph.write(tx -> {
            long n = seq(tx);
            writeCreates(tx, n);
            if (dirty.containsKey(id)) {
                write(tx, n);
            }
            ArticleStore.delete(tx, id, byPersonId, at, n);
            return null;
        });
        s.live = false;
        slugs.forget(); // its slug and redirects are free again
    }

    /** Writes every save made since the last flush. */
    public void flush() {
        if (dirty.isEmpty()) {
            return;
        }
        graph.write(tx -> {
            write(tx, seq(tx));
            return null;
        });
    }

    private long seq(TransactionContext tx) {
        if (seq.isEmpty()) {
            seq = Optional.of(ChangeSequence.next(tx));
        }
        return seq.get();
    }

    private void save(HistoryState s, ArticleWrite write) {
        int n = s.revision + 1;
        Attribution.Carried carried;
        if (s.recent.isEmpty()) {
            carried = Attribution.carried(List.of(), List.of(), write.markdown(), write.authorId(), List.of());
        } else {
            var previous = s.recent.getFirst();
            var earlier = s.recent.subList(1, Math.min(s.recent.size(), LineAuthors.REVERT_WINDOW + 1));
            carried = Attribution.carried(
                    previous.lines(), previous.authors(), write.markdown(), write.authorId(), earlier);
        }
        List<String> lineAuthors = carried.authors();
        s.recent.addFirst(new Attribution.Attributed(Attribution.lines(write.markdown()), lineAuthors));
        while (s.recent.size() > LineAuthors.REVERT_WINDOW + 1) {
            s.recent.removeLast();
        }
        s.revision = n;
        s.title = write.title();
        s.titleKey = write.titleKey();
        s.markdown = write.markdown();
        s.tags = write.tags();
        s.skills = write.skills();
        s.links = write.linkKeys();
        s.owner = write.owner().or(() -> s.owner);
        s.updatedAt = write.at();
        s.lineAuthors = lineAuthors;
        dirty.put(s.id, s);

        var revision = new HashMap<String, Object>(ArticleRows.params(write));
        revision.put("id", s.id);
        revision.put("n", n);
        revision.put("lineAuthors", lineAuthors);
        revisions.add(revision);
        var at = datetime(write.at());
        contributions.compute(write.authorId() + "\n" + s.id, (k, c) -> {
            var row = c == null ? new HashMap<String, Object>() : c;
            if (c == null) {
                row.put("author", write.authorId());
                row.put("id", s.id);
                row.put("firstAt", at);
                row.put("edits", 0);
                row.put("maxAt", at);
                row.put("added", 0);
                row.put("removed", 0);
            }
            row.put("edits", (Integer) row.get("edits") + 1);
            row.put("added", (Integer) row.get("added") + carried.change().added());
            row.put("removed", (Integer) row.get("removed") + carried.change().removed());
            row.put("lastAt", at);
            if (write.at().isAfter(((java.time.ZonedDateTime) row.get("maxAt")).toInstant())) {
                row.put("maxAt", at);
            }
            return row;
        });
    }

    /** Writes the pending saves: one statement per step for all of them. */
    private void write(TransactionContext tx, long n) {
        writeCreates(tx, n);
        PersonCypher.requireExist(
                tx,
                contributions.values().stream()
                        .map(c -> (String) c.get("author"))
                        .toList());
        var articles = new ArrayList<Map<String, Object>>();
        Set<String> skillsBefore = new LinkedHashSet<>();
        for (HistoryState s : dirty.values()) {
            var row = new HashMap<String, Object>();
            row.put("id", s.id);
            row.put("title", s.title);
            row.put("titleKey", s.titleKey);
            row.put("revision", s.revision);
            row.put("tags", s.tags);
            row.put("links", s.links);
            row.put("owner", s.owner.orElse(null));
            row.put("at", datetime(s.updatedAt));
            row.put("shares", Attribution.shares(s.lineAuthors));
            row.put("skills", SkillNames.params(s.skills));
            row.put("replace", !s.created);
            articles.add(row);
            skillsBefore.addAll(s.skillKeysBefore);
            // what a later flush in this batch must update if this article then loses a skill
            s.skillKeysBefore = s.skills.stream().map(SkillNames::key).toList();
            s.created = false;
        }
        var params = Map.<String, Object>of(
                "articles",
                articles,
                "revisions",
                revisions,
                "contributions",
                List.copyOf(contributions.values()),
                "seq",
                n);
        tx.run("""
                        UNWIND $articles AS x
                        MATCH (a:Article {id: x.id})
                        SET a.title = x.title, a.titleKey = x.titleKey, a.revision = x.revision, a.tags = x.tags,
                            a.links = x.links, a.owner = coalesce(x.owner, a.owner), a.updatedAt = x.at, a.seq = $seq
                        """, params).consume();
        tx.run("""
                        UNWIND $revisions AS r
                        MATCH (a:Article {id: r.id}), (p:Person {id: r.author})
                        CREATE (a)-[:HAS_REVISION]->(:Revision {n: r.n, title: r.title, markdown: r.markdown,
                            message: r.message, at: r.at, lineAuthors: r.lineAuthors})-[:BY]->(p)
                        """, params).consume();
        tx.run("""
                        UNWIND $contributions AS x
                        MATCH (p:Person {id: x.author}), (a:Article {id: x.id})
                        MERGE (p)-[c:CONTRIBUTED]->(a)
                          ON CREATE SET c.edits = 0, c.firstAt = x.firstAt, c.added = 0, c.removed = 0
                        SET c.edits = c.edits + x.edits, c.lastAt = x.lastAt,
                            c.added = c.added + x.added, c.removed = c.removed + x.removed,
                            p.lastActiveAt = CASE WHEN p.lastActiveAt >= x.maxAt THEN p.lastActiveAt ELSE x.maxAt END
                        """, params).consume();
        tx.run("""
                        UNWIND $articles AS x
                        MATCH (p:Person)-[c:CONTRIBUTED]->(:Article {id: x.id})
                        SET c.share = coalesce(x.shares[p.id], 0.0)
                        """, params).consume();
        // Links and skills as the last save of each article left them, as saving them one by one would.
        tx.run("""
                        UNWIND $articles AS x
                        WITH x WHERE x.replace
                        MATCH (a:Article {id: x.id})-[old:ABOUT|LINKS_TO|MENTIONS]->(target)
                        FOREACH (s IN CASE WHEN target:Skill THEN [target] ELSE [] END | SET s.seq = $seq)
                        DELETE old
                        """, params).consume();
        ArticleSkills.about(tx, articles, n);
        WikiLinks.link(tx, articles);
        WrittenAbout.refresh(tx, List.copyOf(dirty.keySet()), List.copyOf(skillsBefore));
        dirty.clear();
        revisions.clear();
        contributions.clear();
    }

    private void load(TransactionContext tx, List<String> ids) {
        for (HistoryState state : HistoryState.load(tx, ids)) {
            states.put(state.id, state);
        }
    }
}
