package dev.lore.graph.article;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.internal.ChangeSequence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.TransactionContext;

/**
 * The page tree: each article may have one parent article, {@code (child)-[:CHILD_OF]->(parent)}.
 * Slugs stay flat, so moving a page (and with it everything under it) changes no URL, link or
 * redirect. A child whose parent is deleted moves up to its grandparent; one whose parent is hidden
 * shows at the top level until the parent is back. Thread-safe.
 */
public final class PageTree {
    /** The longest chain of ancestors followed; deeper trees show their top levels cut. */
    static final int MAX_DEPTH = 50;

    private final Graph graph;

    public PageTree(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** A page in the tree: its slug, title and the slug of its live parent, if it has one. */
    public record Node(String slug, String title, Optional<String> parent) {}

    /** Where a page stands: its ancestors from the top down, and its children by title. */
    public record Place(List<Node> ancestors, List<Node> children) {
        public Optional<Node> parent() {
            return ancestors.isEmpty() ? Optional.empty() : Optional.of(ancestors.getLast());
        }
    }

    /**
     * Puts the page at {@code slugOrRedirect} under {@code parent} (or at the top level when empty);
     * its children move with it. Either may be named by an old slug that redirects.
     *
     * @throws TreeCycleException if {@code parent} is the page itself or one of its descendants
     * @throws NoSuchEntityException if either page is not a live article
     */
    public Place move(String slugOrRedirect, Optional<String> parent) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            String id = Slugs.resolveId(tx, slugOrRedirect)
                    .orElseThrow(() -> new NoSuchEntityException("article", slugOrRedirect));
            Optional<String> parentId =
                    parent.map(p -> Slugs.resolveId(tx, p).orElseThrow(() -> new NoSuchEntityException("article", p)));
            if (parentId.isPresent()) {
                boolean cycle = tx.run("""
                                MATCH (a:Article {id: $id}), (p:Article {id: $parent})
                                RETURN a = p OR EXISTS { (p)-[:CHILD_OF*1..]->(a) } AS cycle
                                """, Map.of("id", id, "parent", parentId.get()))
                        .single()
                        .get("cycle")
                        .asBoolean();
                if (cycle) {
                    throw new TreeCycleException(slugOrRedirect, parent.get());
                }
            }
            var params = new HashMap<String, Object>();
            params.put("id", id);
            params.put("parent", parentId.orElse(null));
            params.put("seq", seq);
            tx.run("""
                            MATCH (a:Article {id: $id})
                            OPTIONAL MATCH (a)-[old:CHILD_OF]->()
                            DELETE old
                            SET a.seq = $seq
                            WITH a
                            MATCH (p:Article {id: $parent})
                            CREATE (a)-[:CHILD_OF]->(p)
                            """, params).consume();
            return place(tx, id);
        });
    }

    /** Where the live (or hidden) page with this slug stands in the tree. */
    public Place place(String slug) {
        return graph.read(tx -> {
            var id = tx.run("MATCH (a:Article {slug: $slug}) RETURN a.id AS id", Map.of("slug", slug))
                    .list(r -> r.get("id").asString());
            if (id.isEmpty()) {
                throw new NoSuchEntityException("article", slug);
            }
            return place(tx, id.getFirst());
        });
    }

    /**
     * Every live page with its live parent, by title: the whole tree in one read, for the tree
     * page, the move form and export. {@code limit} bounds it for very large wikis.
     */
    public List<Node> all(int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Article {status: 'active'})
                        OPTIONAL MATCH (a)-[:CHILD_OF]->(p:Article {status: 'active'})
                        RETURN a.slug AS slug, a.title AS title, p.slug AS parent
                        ORDER BY toLower(a.title), a.slug LIMIT $limit
                        """, Map.of("limit", limit)).list(PageTree::node));
    }

    /**
     * The live pages under the top-level ancestor of {@code slug} (itself included), by title: the
     * section a page belongs to, as the sidebar shows it.
     */
    public List<Node> section(String slug, int limit) {
        return graph.read(
                tx -> tx.run("""
                        MATCH (a:Article {slug: $slug})
                        OPTIONAL MATCH path = (a)-[:CHILD_OF*1..50]->(:Article {status: 'active'})
                        WHERE all(n IN nodes(path) WHERE n.status = 'active' OR n = a)
                        WITH a, path ORDER BY length(path) DESC LIMIT 1
                        WITH coalesce(last(nodes(path)), a) AS root
                        MATCH (n:Article)-[:CHILD_OF*0..50]->(root)
                        WHERE n.status = 'active' OR n = root
                        WITH DISTINCT n
                        OPTIONAL MATCH (n)-[:CHILD_OF]->(p:Article {status: 'active'})
                        RETURN n.slug AS slug, n.title AS title, p.slug AS parent
                        ORDER BY toLower(n.title), n.slug LIMIT $limit
                        """, Map.of("slug", slug, "limit", limit)).list(PageTree::node));
    }

    /** Inside a delete: the deleted page's children move up to its parent (or to the top level). */
    static void releaseChildren(TransactionContext tx, String id, long seq) {
        tx.run("""
                        MATCH (c:Article)-[r:CHILD_OF]->(a:Article {id: $id})
                        OPTIONAL MATCH (a)-[:CHILD_OF]->(g:Article)
                        DELETE r
                        SET c.seq = $seq
                        WITH c, g WHERE g IS NOT NULL
                        CREATE (c)-[:CHILD_OF]->(g)
                        """, Map.of("id", id, "seq", seq)).consume();
    }

    private static Place place(TransactionContext tx, String id) {
        var row = tx.run("""
                        MATCH (a:Article {id: $id})
                        OPTIONAL MATCH path = (a)-[:CHILD_OF*1..50]->(:Article)
                        WITH a, path ORDER BY length(path) DESC LIMIT 1
                        WITH a, CASE WHEN path IS NULL THEN [] ELSE reverse(tail(nodes(path))) END AS up
                        RETURN [n IN up WHERE n.status = 'active' | [n.slug, n.title]] AS ancestors,
                               COLLECT {
                                 MATCH (c:Article {status: 'active'})-[:CHILD_OF]->(a)
                                 RETURN [c.slug, c.title] AS child ORDER BY toLower(c.title), c.slug
                               } AS children
                        """, Map.of("id", id)).single();
        List<Node> ancestors = row.get("ancestors").asList(v -> v.asList(x -> x.asString())).stream()
                .map(p -> new Node(p.get(0), p.get(1), Optional.empty()))
                .toList();
        var withParents = new java.util.ArrayList<Node>();
        for (Node n : ancestors) {
            withParents.add(new Node(
                    n.slug(),
                    n.title(),
                    withParents.isEmpty()
                            ? Optional.empty()
                            : Optional.of(withParents.getLast().slug())));
        }
        String self = tx.run("MATCH (a:Article {id: $id}) RETURN a.slug AS slug", Map.of("id", id))
                .single()
                .get("slug")
                .asString();
        List<Node> children = row.get("children").asList(v -> v.asList(x -> x.asString())).stream()
                .map(p -> new Node(p.get(0), p.get(1), Optional.of(self)))
                .toList();
        return new Place(List.copyOf(withParents), children);
    }

    private static Node node(org.neo4j.driver.Record r) {
        return new Node(
                r.get("slug").asString(),
                r.get("title").asString(),
                r.get("parent").isNull()
                        ? Optional.empty()
                        : Optional.of(r.get("parent").asString()));
    }
}
