package dev.lore.graph.question;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * Accepted answers promoted into articles: {@code (:Answer)-[:PROMOTED_TO {at, by}]->(:Article)
 * -[:PROMOTED_BY {at}]->(:Person)}. The article itself is written by the article store, with the
 * answer's author as the author of its first revision; this store only checks and records the link.
 * An answer whose article was deleted counts as not promoted; a hidden article still counts.
 * Thread-safe.
 */
public final class PromotionStore {
    private final Graph graph;

    public PromotionStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /**
     * A visible answer that may be promoted, with what the article needs.
     *
     * @param promotedTo the slug of the live article it already became, if any
     */
    public record Candidate(
            String answerId,
            String questionId,
            String questionTitle,
            List<String> skills,
            String markdown,
            PersonRef author,
            boolean accepted,
            Optional<String> promotedTo) {
        public Candidate {
            skills = List.copyOf(skills);
        }
    }

    /** Where a promoted article came from; {@code by} is the champion who promoted it. */
    public record Origin(
            String answerId, String questionId, String questionTitle, PersonRef author, PersonRef by, Instant at) {}

    /** The article an answer became. */
    public record Target(String answerId, String slug, String title) {}

    /**
     * The answer as a promotion candidate, after taking the change-sequence lock: called first in
     * the transaction that creates the article, so two champions cannot both promote one answer.
     *
     * @throws NoSuchEntityException if there is no such answer, or it or its question is hidden
     */
    public Candidate lock(String answerId) {
        return graph.write(tx -> {
            ChangeSequence.next(tx);
            return tx.run("""
                            MATCH (p:Person)-[:ANSWERED]->(a:Answer {id: $id})-[:ANSWERS]->(q:Question)
                            WHERE NOT coalesce(a.hidden, false) AND NOT coalesce(q.hidden, false)
                            RETURN a.id AS id, q.id AS question, q.title AS title, a.markdown AS markdown,
                                   coalesce(a.accepted, false) AS accepted, p.id AS personId, p.name AS personName,
                                   [(q)-[:ABOUT]->(s:Skill) | s.name] AS skills,
                                   head([(a)-[:PROMOTED_TO]->(t:Article) WHERE t.status <> 'deleted' | t.slug]) AS promoted
                            """, Map.of("id", answerId)).list(PromotionStore::candidate).stream()
                    .findFirst()
                    .orElseThrow(() -> new NoSuchEntityException("answer", answerId));
        });
    }

    /** Links the answer and the article it became, and records the champion who promoted it. */
    public void link(String answerId, String articleId, String championId, Instant at) {
        graph.write(tx -> tx.run(
                        """
                        MATCH (a:Answer {id: $answer}), (t:Article {id: $article}), (p:Person {id: $by})
                        CREATE (a)-[:PROMOTED_TO {at: $at, by: $by}]->(t)
                        CREATE (t)-[:PROMOTED_BY {at: $at}]->(p)
                        """, Map.of("answer", answerId, "article", articleId, "by", championId, "at", datetime(at)))
                .consume());
    }

    /** Where a live article came from, if it was promoted from an answer readers can still see. */
    public Optional<Origin> origin(String articleId) {
        return graph.read(tx -> tx.run("""
                        MATCH (author:Person)-[:ANSWERED]->(a:Answer)-[r:PROMOTED_TO]->(t:Article {id: $id}),
                              (a)-[:ANSWERS]->(q:Question), (t)-[:PROMOTED_BY]->(by:Person)
                        WHERE NOT coalesce(a.hidden, false) AND NOT coalesce(q.hidden, false)
                        RETURN a.id AS answer, q.id AS question, q.title AS title, author.id AS authorId,
                               author.name AS authorName, by.id AS byId, by.name AS byName, r.at AS at
                        LIMIT 1
                        """, Map.of("id", articleId)).list().stream()
                .findFirst()
                .map(r -> new Origin(
                        r.get("answer").asString(),
                        r.get("question").asString(),
                        r.get("title").asString(),
                        new PersonRef(
                                r.get("authorId").asString(),
                                r.get("authorName").asString()),
                        new PersonRef(r.get("byId").asString(), r.get("byName").asString()),
                        instant(r.get("at")))));
    }

    /** The live articles the answers to a question became (hidden and deleted articles left out). */
    public List<Target> targets(String questionId) {
        return graph.read(tx -> tx.run("""
                        MATCH (a:Answer)-[:ANSWERS]->(:Question {id: $id}), (a)-[:PROMOTED_TO]->(t:Article {status: 'active'})
                        RETURN a.id AS answer, t.slug AS slug, t.title AS title
                        ORDER BY t.createdAt
                        """, Map.of("id", questionId))
                .list(r -> new Target(
                        r.get("answer").asString(),
                        r.get("slug").asString(),
                        r.get("title").asString())));
    }

    private static Candidate candidate(Record r) {
        return new Candidate(
                r.get("id").asString(),
                r.get("question").asString(),
                r.get("title").asString(),
                strings(r.get("skills")),
                r.get("markdown").asString(),
                new PersonRef(r.get("personId").asString(), r.get("personName").asString()),
                r.get("accepted").asBoolean(),
                r.get("promoted").isNull()
                        ? Optional.empty()
                        : Optional.of(r.get("promoted").asString()));
    }
}
