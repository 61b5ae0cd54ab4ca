package dev.lore.graph.article;

import dev.lore.graph.expertise.Attribution;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** An article as a {@link HistoryBatch} sees it: as stored, plus the saves the batch made. Not thread-safe. */
final class HistoryState {
    final String id;
    String slug;
    String title;
    String markdown = "";
    List<String> tags = List.of();
    List<String> skills = List.of();
    Optional<String> owner = Optional.empty();
    boolean live;
    boolean created;
    int revision;
    Instant updatedAt;
    List<String> links = List.of();
    String titleKey = "";
    List<String> lineAuthors = List.of();
    /** Lines and line authors of the latest revisions, newest first, for reverts. */
    final List<Attribution.Attributed> recent = new ArrayList<>();
    /** Skills the stored article was about before this batch, so the expertise summary updates them. */
    List<String> skillKeysBefore = List.of();

    HistoryState(String id) {
        this.id = id;
    }

    /** The stored articles with these ids (any status); an article from before line attribution is replayed first. */
    static List<HistoryState> load(TransactionContext tx, List<String> ids) {
        return load(tx, ids, true);
    }

    private static List<HistoryState> load(TransactionContext tx, List<String> ids, boolean replayUnattributed) {
        var out = new ArrayList<HistoryState>();
        var rows = tx.run("""
                        UNWIND $ids AS id
                        MATCH (a:Article {id: id})
                        RETURN a.id AS id, a.slug AS slug, a.title AS title, a.status = 'active' AS live,
                               a.revision AS revision, a.tags AS tags, a.owner AS owner, a.updatedAt AS updatedAt,
                               coalesce(a.titleKey, '') AS titleKey, coalesce(a.links, []) AS links,
                               [(a)-[:ABOUT]->(s:Skill) | s.name] AS skills, [(a)-[:ABOUT]->(s:Skill) | s.key] AS skillKeys,
                               [(a)-[:HAS_REVISION]->(r:Revision) WHERE r.n > a.revision - $window
                                 | [r.n, r.markdown, r.lineAuthors]] AS recent
                        """, Map.of("ids", ids, "window", LineAuthors.REVERT_WINDOW + 1))
                .list();
        for (Record r : rows) {
            String id = r.get("id").asString();
            boolean unattributed = r.get("recent").asList(v -> v).stream()
                    .anyMatch(v -> v.get(2).isNull());
            if (unattributed && replayUnattributed) {
                // a store from before line attribution: replay this article's history first
                LineAuthors.replay(tx, id);
                out.addAll(load(tx, List.of(id), false));
                continue;
            }
            out.add(of(r));
        }
        return out;
    }

    private static HistoryState of(Record r) {
        HistoryState s = new HistoryState(r.get("id").asString());
        s.slug = r.get("slug").asString();
        s.title = r.get("title").asString();
        s.live = r.get("live").asBoolean();
        s.revision = r.get("revision").asInt();
        s.tags = r.get("tags").isNull() ? List.of() : r.get("tags").asList(Value::asString);
        s.owner = r.get("owner").isNull()
                ? Optional.empty()
                : Optional.of(r.get("owner").asString());
        s.updatedAt = r.get("updatedAt").asZonedDateTime().toInstant();
        s.titleKey = r.get("titleKey").asString();
        s.links = r.get("links").asList(Value::asString);
        s.skills = r.get("skills").asList(Value::asString);
        s.skillKeysBefore = r.get("skillKeys").asList(Value::asString);
        var recent = new ArrayList<Value>(r.get("recent").asList(v -> v));
        recent.sort((a, b) -> Integer.compare(b.get(0).asInt(), a.get(0).asInt()));
        for (Value v : recent) {
            if (v.get(0).asInt() == s.revision) {
                s.markdown = v.get(1).asString();
            }
            if (!v.get(2).isNull()) {
                s.recent.add(new Attribution.Attributed(
                        Attribution.lines(v.get(1).asString()), v.get(2).asList(Value::asString)));
            }
        }
        s.lineAuthors = s.recent.isEmpty() ? List.of() : s.recent.getFirst().authors();
        return s;
    }

    /** Whether saving {@code write} would change nothing, as {@link ArticleStore#update} judges it. */
    boolean sameContent(ArticleWrite write) {
        HistoryState s = this;
        return s.title.equals(write.title())
                && s.markdown.equals(write.markdown())
                && s.tags.equals(write.tags())
                && s.skills.stream()
                        .sorted()
                        .toList()
                        .equals(write.skills().stream().sorted().toList())
                && (write.owner().isEmpty() || write.owner().equals(s.owner));
    }
}
