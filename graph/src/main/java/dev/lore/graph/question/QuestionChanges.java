package dev.lore.graph.question;

import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.strings;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The search index's feed of questions: each changed question with its answers, comments and authors. */
final class QuestionChanges {
    private QuestionChanges() {}

    /** The questions changed after {@code sinceSeq} (asked, answered, commented, voted on), in sequence order. */
    static List<IndexedQuestion> since(Graph graph, long sinceSeq, int limit) {
        return graph.read(tx -> {
            List<String> ids = ChangeSequence.keysChangedSince(tx, "Question", "id", sinceSeq, limit);
            if (ids.isEmpty()) {
                return List.<IndexedQuestion>of();
            }
            return tx
                    .run("""
                            UNWIND $ids AS qid
                            MATCH (asker:Person)-[:ASKED]->(q:Question {id: qid})
                            RETURN q.id AS id, q.title AS title, q.markdown AS markdown, q.updatedAt AS updatedAt,
                                   q.seq AS seq, asker.name AS askerName, coalesce(q.hidden, false) AS hidden,
                                   [(q)-[:ABOUT]->(s:Skill) | s.name] AS skills,
                                   [(a:Answer)-[:ANSWERS]->(q) WHERE NOT coalesce(a.hidden, false) | a.markdown] AS answers,
                                   [(p:Person)-[:ANSWERED]->(a:Answer)-[:ANSWERS]->(q) WHERE NOT coalesce(a.hidden, false) | p.name] AS answerers,
                                   COLLECT { MATCH (c:Comment {questionId: q.id}) RETURN c.markdown } AS comments
                            """, Map.of("ids", ids))
                    .list(r -> {
                        var authors = new LinkedHashSet<String>();
                        authors.add(r.get("askerName").asString());
                        authors.addAll(strings(r.get("answerers")));
                        return new IndexedQuestion(
                                r.get("id").asString(),
                                r.get("title").asString(),
                                r.get("markdown").asString(),
                                strings(r.get("answers")),
                                strings(r.get("comments")),
                                strings(r.get("skills")),
                                List.copyOf(authors),
                                instant(r.get("updatedAt")),
                                r.get("seq").asLong(),
                                r.get("hidden").asBoolean());
                    })
                    .stream()
                    .sorted(Comparator.comparingLong(IndexedQuestion::seq))
                    .toList();
        });
    }
}
