package dev.lore.graph.question;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.PersonRef;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.internal.ChangeSequence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * Questions, answers and helpful votes in the graph (comments are in {@link CommentStore}, kudos in
 * {@link KudosStore}):
 *
 * <pre>
 * (:Person)-[:ASKED]->(:Question)-[:ABOUT]->(:Skill)   (:Question)-[:ASKED_OF {at, rank}]->(:Person)
 * (:Person)-[:ANSWERED]->(:Answer)-[:ANSWERS]->(:Question)   (:Person)-[:VOTED {at}]->(:Answer)
 * </pre>
 *
 * Every write takes the next change sequence number first, like articles, and stamps it on the
 * question it changes, so the search index catches up with questions in sequence order. The rules
 * that need a person (only the asker accepts, one vote each) are the caller's; this
 * store reports what it needs to decide them ({@link #answer(String)}, {@link #vote}). Thread-safe.
 */
public final class QuestionStore {
    private static final String SUMMARY_COLUMNS = """
            q.id AS id, q.title AS title, q.askedAt AS askedAt, asker.id AS askerId, asker.name AS askerName,
            [(q)-[:ABOUT]->(s:Skill) | s.name] AS skills,
            COUNT { (x:Answer)-[:ANSWERS]->(q) WHERE NOT coalesce(x.hidden, false) } AS answers, q.acceptedAnswer IS NOT NULL AS accepted
            """;

    private final Graph graph;

    public QuestionStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
    }

    /** A new question, with the people it is routed to. */
    public record NewQuestion(
            String title, String markdown, List<String> skills, String askerId, List<String> askedOf, Instant at) {}

    /** Saves a question, links its skills and routes it to {@code askedOf}. */
    public Question ask(NewQuestion q) {
        String id = UUID.randomUUID().toString();
        return graph.inOneTransaction(() -> {
            saveQuestion(id, q);
            return find(id).orElseThrow(); // read in the write's transaction: this question as saved
        });
    }

    /**
     * Saves a question asked of one person ({@code q.askedOf()} holds only them): if it is still
     * unanswered at {@code routeFurtherAt}, {@link #dueToRouteFurther} returns it.
     */
    public Question askDirectly(NewQuestion q, Instant routeFurtherAt) {
        String id = UUID.randomUUID().toString();
        return graph.inOneTransaction(() -> {
            saveQuestion(id, q);
            graph.write(tx -> tx.run(
                            "MATCH (q:Question {id: $id}) SET q.routeFurtherAt = $at",
                            Map.of("id", id, "at", datetime(routeFurtherAt)))
                    .consume());
            return find(id).orElseThrow();
        });
    }

    /**
     * Ids of questions asked of one person whose time to route further has come ({@code
     * routeFurtherAt <= now}), with whether they have an answer by now; oldest first.
     */
    public List<Due> dueToRouteFurther(Instant now, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (q:Question) WHERE q.routeFurtherAt <= $now
                        RETURN q.id AS id, q.acceptedAnswer IS NOT NULL
                            OR EXISTS { (x:Answer)-[:ANSWERS]->(q) WHERE NOT coalesce(x.hidden, false) } AS answered
                        ORDER BY q.routeFurtherAt, q.id LIMIT $limit
                        """, Map.of("now", datetime(now), "limit", limit))
                .list(r -> new Due(r.get("id").asString(), r.get("answered").asBoolean())));
    }

    /** A question whose time to route further has come; {@code answered} ones need no one else. */
    public record Due(String questionId, boolean answered) {}

    /**
     * Routes a question to more people, after those it was asked of, and stops it being due again;
     * empty {@code people} only stops it. Answers with the question as this left it; empty when it
     * is gone or hidden, or when it was no longer due (another server routed it first: the node is
     * locked before the check, so two servers never both route it).
     */
    public Optional<Question> routeFurther(String questionId, List<String> people, Instant at) {
        var params = Map.<String, Object>of("id", questionId, "people", people, "at", datetime(at));
        return graph.inOneTransaction(() -> {
            boolean claimed = graph.write(
                    tx -> tx.run("""
                            MATCH (q:Question {id: $id}) SET q.routeCheckedAt = $at
                            WITH q WHERE q.routeFurtherAt IS NOT NULL
                            REMOVE q.routeFurtherAt
                            RETURN count(q) AS claimed
                            """, params).single().get("claimed").asLong() > 0);
            if (!claimed) {
                return Optional.<Question>empty();
            }
            graph.write(tx -> tx.run("""
                            MATCH (q:Question {id: $id})
                            WITH q, COUNT { (q)-[:ASKED_OF]->() } AS before
                            UNWIND range(0, size($people) - 1) AS i
                            MATCH (p:Person {id: $people[i]})
                            MERGE (q)-[r:ASKED_OF]->(p) ON CREATE SET r.at = $at, r.rank = before + i
                            """, params).consume());
            return find(questionId);
        });
    }

    private void saveQuestion(String id, NewQuestion q) {
        graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            PersonCheck.require(tx, q.askerId());
            var params = new HashMap<String, Object>();
            params.put("id", id);
            params.put("title", q.title());
            params.put("markdown", q.markdown());
            params.put("asker", q.askerId());
            params.put("at", datetime(q.at()));
            params.put("seq", seq);
            params.put("skills", SkillNames.params(q.skills()));
            params.put("askedOf", q.askedOf());
            tx.run("""
                            MATCH (p:Person {id: $asker})
                            CREATE (p)-[:ASKED]->(:Question {id: $id, title: $title, markdown: $markdown,
                                askedAt: $at, updatedAt: $at, seq: $seq})
                            """, params).consume();
            tx.run("""
                            MATCH (q:Question {id: $id})
                            UNWIND $skills AS skill
                            OPTIONAL MATCH (:SkillAlias {key: skill.key})-[:ALIAS_OF]->(target:Skill)
                            WITH q, skill, coalesce(target.key, skill.key) AS key
                            MERGE (s:Skill {key: key}) ON CREATE SET s.name = skill.name
                            MERGE (q)-[:ABOUT]->(s)
                            """, params).consume();
            tx.run("""
                            MATCH (q:Question {id: $id})
                            UNWIND range(0, size($askedOf) - 1) AS rank
                            MATCH (p:Person {id: $askedOf[rank]})
                            MERGE (q)-[r:ASKED_OF]->(p) ON CREATE SET r.at = $at, r.rank = rank
                            """, params).consume();
            return null;
        });
    }

    /** Adds an answer; the question's index document is refreshed with it. */
    public Answer answer(String questionId, String authorId, String markdown, Instant at) {
        String id = UUID.randomUUID().toString();
        return graph.inOneTransaction(() -> {
            saveAnswer(id, questionId, authorId, markdown, at);
            // read in the write's transaction: this answer as saved, whatever happens next
            return find(questionId).orElseThrow().answers().stream()
                    .filter(a -> a.id().equals(id))
                    .findFirst()
                    .orElseThrow();
        });
    }

    private void saveAnswer(String id, String questionId, String authorId, String markdown, Instant at) {
        graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            PersonCheck.require(tx, authorId);
            var created = tx.run(
                            """
                            MATCH (q:Question {id: $question}), (p:Person {id: $author})
                            WHERE NOT coalesce(q.hidden, false)
                            CREATE (p)-[:ANSWERED]->(:Answer {id: $id, markdown: $markdown, at: $at, accepted: false})
                                -[:ANSWERS]->(q)
                            SET q.seq = $seq, q.updatedAt = $at
                            RETURN count(*) AS n
                            """,
                            Map.of(
                                    "question", questionId,
                                    "author", authorId,
                                    "id", id,
                                    "markdown", markdown,
                                    "at", datetime(at),
                                    "seq", seq))
                    .single()
                    .get("n")
                    .asLong();
            if (created == 0) {
                throw new NoSuchEntityException("question", questionId);
            }
            return null;
        });
    }

    /** Who wrote an answer and who asked its question; empty if it or its question is hidden. */
    public Optional<AnswerRef> answer(String answerId) {
        return graph.read(tx -> tx.run("""
                        MATCH (author:Person)-[:ANSWERED]->(a:Answer {id: $id})-[:ANSWERS]->(q:Question)<-[:ASKED]-(asker:Person)
                        WHERE NOT coalesce(a.hidden, false) AND NOT coalesce(q.hidden, false)
                        RETURN a.id AS id, q.id AS question, q.title AS title, author.id AS author, asker.id AS asker
                        """, Map.of("id", answerId)).list().stream()
                .findFirst()
                .map(r -> new AnswerRef(
                        r.get("id").asString(),
                        r.get("question").asString(),
                        r.get("title").asString(),
                        r.get("author").asString(),
                        r.get("asker").asString())));
    }

    /**
     * Records that {@code personId} found an answer helpful and returns how many found it helpful
     * with this vote, counted in the vote's transaction. Returns empty, and changes nothing, when
     * they already had: one vote per person and answer.
     */
    public Optional<Integer> vote(String answerId, String personId, Instant at) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            PersonCheck.require(tx, personId);
            var r = tx.run("""
                            MATCH (a:Answer {id: $answer})-[:ANSWERS]->(q:Question), (p:Person {id: $person})
                            WHERE NOT coalesce(a.hidden, false) AND NOT coalesce(q.hidden, false)
                            OPTIONAL MATCH (p)-[v:VOTED]->(a)
                            RETURN v IS NOT NULL AS voted
                            """, Map.of("answer", answerId, "person", personId)).list();
            if (r.isEmpty()) {
                throw new NoSuchEntityException("answer", answerId);
            }
            if (r.getFirst().get("voted").asBoolean()) {
                return Optional.<Integer>empty();
            }
            return Optional.of(
                    tx.run("""
                            MATCH (a:Answer {id: $answer})-[:ANSWERS]->(q:Question), (p:Person {id: $person})
                            CREATE (p)-[:VOTED {at: $at}]->(a)
                            SET q.seq = $seq
                            RETURN COUNT { (:Person)-[:VOTED]->(a) } AS helpful
                            """, Map.of("answer", answerId, "person", personId, "at", datetime(at), "seq", seq))
                            .single()
                            .get("helpful")
                            .asInt());
        });
    }

    /**
     * Marks an answer accepted; another answer to the same question that was accepted no longer is.
     * Returns the question as this acceptance left it, read in its transaction.
     */
    public Question accept(String answerId, Instant at) {
        return graph.inOneTransaction(() -> {
            String questionId = saveAcceptance(answerId, at);
            return find(questionId).orElseThrow();
        });
    }

    private String saveAcceptance(String answerId, Instant at) {
        return graph.write(tx -> {
            long seq = ChangeSequence.next(tx);
            var rows = tx.run("""
                            MATCH (a:Answer {id: $answer})-[:ANSWERS]->(q:Question)
                            WHERE NOT coalesce(a.hidden, false) AND NOT coalesce(q.hidden, false)
                            WITH a, q, [(o:Answer)-[:ANSWERS]->(q) | o] AS all
                            FOREACH (o IN all | SET o.accepted = false)
                            SET a.accepted = true, a.acceptedAt = $at, q.acceptedAnswer = a.id, q.seq = $seq
                            RETURN q.id AS question
                            """, Map.of("answer", answerId, "at", datetime(at), "seq", seq))
                    .list();
            if (rows.isEmpty()) {
                throw new NoSuchEntityException("answer", answerId);
            }
            return rows.getFirst().get("question").asString();
        });
    }

    /** The question with its answers and comments. */
    public Optional<Question> find(String id) {
        return graph.read(tx -> {
            var rows = tx.run("""
                            MATCH (asker:Person)-[:ASKED]->(q:Question {id: $id})
                            WHERE NOT coalesce(q.hidden, false)
                            RETURN q.id AS id, q.title AS title, q.markdown AS markdown, q.askedAt AS askedAt,
                                   q.updatedAt AS updatedAt, q.acceptedAnswer AS accepted, q.seq AS seq,
                                   asker.id AS askerId, asker.name AS askerName,
                                   [(q)-[:ABOUT]->(s:Skill) | s.name] AS skills,
                                   COLLECT { MATCH (q)-[r:ASKED_OF]->(p:Person)
                                             RETURN {id: p.id, name: p.name} ORDER BY r.rank, p.id } AS askedOf
                            """, Map.of("id", id)).list();
            if (rows.isEmpty()) {
                return Optional.<Question>empty();
            }
            Record q = rows.getFirst();
            List<Comment> comments = tx.run("""
                            MATCH (p:Person)-[:WROTE]->(c:Comment {questionId: $id})
                            RETURN c.id AS id, c.targetKind AS kind, c.targetId AS target, c.markdown AS markdown,
                                   c.at AS at, p.id AS personId, p.name AS personName
                            ORDER BY c.at
                            """, Map.of("id", id)).list(CommentStore::toComment);
            var answers = tx.run("""
                            MATCH (p:Person)-[:ANSWERED]->(a:Answer)-[:ANSWERS]->(:Question {id: $id})
                            WHERE NOT coalesce(a.hidden, false)
                            RETURN a.id AS id, a.markdown AS markdown, a.at AS at, coalesce(a.accepted, false) AS accepted,
                                   p.id AS personId, p.name AS personName, [(v:Person)-[:VOTED]->(a) | v.id] AS voters
                            """, Map.of("id", id))
                    .list(r -> new Answer(
                            r.get("id").asString(),
                            id,
                            r.get("markdown").asString(),
                            new PersonRef(
                                    r.get("personId").asString(),
                                    r.get("personName").asString()),
                            instant(r.get("at")),
                            r.get("accepted").asBoolean(),
                            strings(r.get("voters")),
                            comments.stream()
                                    .filter(c -> c.targetKind().equals("answer")
                                            && c.targetId().equals(r.get("id").asString()))
                                    .toList()));
            var sorted = new ArrayList<>(answers);
            sorted.sort(Comparator.comparing((Answer a) -> !a.accepted())
                    .thenComparing(Comparator.comparingInt(Answer::helpful).reversed())
                    .thenComparing(Answer::at));
            return Optional.of(new Question(
                    q.get("id").asString(),
                    q.get("title").asString(),
                    q.get("markdown").asString(),
                    strings(q.get("skills")),
                    new PersonRef(
                            q.get("askerId").asString(), q.get("askerName").asString()),
                    instant(q.get("askedAt")),
                    instant(q.get("updatedAt")),
                    optionalString(q.get("accepted")),
                    sorted,
                    comments.stream()
                            .filter(c -> c.targetKind().equals("question"))
                            .toList(),
                    q.get("askedOf").asList(QuestionStore::toPersonRef),
                    q.get("seq").asLong()));
        });
    }

    /** Questions, newest first; {@code unansweredOnly} keeps those without any answer. */
    public List<QuestionSummary> list(boolean unansweredOnly, int offset, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (asker:Person)-[:ASKED]->(q:Question)
                        WHERE NOT coalesce(q.hidden, false)
                          AND (NOT $unanswered OR NOT EXISTS { (x:Answer)-[:ANSWERS]->(q) WHERE NOT coalesce(x.hidden, false) })
                        """ + "RETURN " + SUMMARY_COLUMNS + """
                        ORDER BY q.askedAt DESC, q.id SKIP $offset LIMIT $limit
                        """,
                        Map.of("unanswered", unansweredOnly, "offset", offset, "limit", limit))
                .list(QuestionStore::toSummary));
    }

    /** Questions routed to a person, newest first. */
    public List<QuestionSummary> askedOf(String personId, int limit) {
        return graph.read(tx -> tx.run("""
                        MATCH (asker:Person)-[:ASKED]->(q:Question)-[:ASKED_OF]->(:Person {id: $id})
                        WHERE NOT coalesce(q.hidden, false)
                        """ + "RETURN " + SUMMARY_COLUMNS + """
                        ORDER BY q.askedAt DESC, q.id LIMIT $limit
                        """, Map.of("id", personId, "limit", limit))
                .list(QuestionStore::toSummary));
    }

    /** Questions changed after {@code sinceSeq} (asked, answered, commented, voted on), in sequence order. */
    public List<IndexedQuestion> changesSince(long sinceSeq, int limit) {
        return QuestionChanges.since(graph, sinceSeq, limit);
    }

    private static PersonRef toPersonRef(Value v) {
        return new PersonRef(v.get("id").asString(), v.get("name").asString());
    }

    private static QuestionSummary toSummary(Record r) {
        return new QuestionSummary(
                r.get("id").asString(),
                r.get("title").asString(),
                strings(r.get("skills")),
                new PersonRef(r.get("askerId").asString(), r.get("askerName").asString()),
                instant(r.get("askedAt")),
                r.get("answers").asInt(),
                r.get("accepted").asBoolean());
    }
}
