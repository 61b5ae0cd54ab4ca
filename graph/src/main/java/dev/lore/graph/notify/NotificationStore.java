package dev.lore.graph.notify;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;

/**
 * The inbox and the outbox in one: {@link #record} writes an event's notifications in the caller's
 * transaction (so they commit or roll back with the write that caused them), each marked with what
 * email it still needs ({@code email}: {@code immediate}, {@code digest}, {@code none} or {@code
 * sent}), which {@link EmailOutbox} delivers later. {@code (:Notification {recipient ...})-[:TO]->
 * (:Person)}. Thread-safe.
 */
public final class NotificationStore {
    /** Quick events with one collapse key within this time of each other make one notification. */
    public static final Duration COLLAPSE_WINDOW = Duration.ofHours(1);

    private final Graph graph;
    private final WatchStore watches;
    private final WebhookStore webhooks;

    public NotificationStore(Graph graph, WatchStore watches) {
        this.graph = graph;
        this.watches = watches;
        this.webhooks = new WebhookStore(graph);
    }

    /**
     * Writes the notifications of {@code event} (and the actor's automatic watch) in the transaction
     * this thread is in, or in a new one. Returns how many people were notified (new or collapsed).
     */
    public int record(Event event) {
        return graph.write(tx -> {
            var recipients = new LinkedHashSet<String>(event.direct());
            for (Subject s : event.watched()) {
                recipients.addAll(watches.watchers(tx, s));
            }
            recipients.remove(event.actorId());
            int notified = 0;
            if (!recipients.isEmpty()) {
                var params = new HashMap<String, Object>();
                params.put("recipients", new ArrayList<>(recipients));
                params.put("kind", event.kind().id());
                params.put("channelKey", "ch_" + event.kind().id());
                params.put("defaultChannel", event.kind().defaultChannel().id());
                params.put("actor", event.actorId());
                params.put("title", event.title());
                params.put("url", event.url());
                params.put("message", event.message());
                params.put("collapseKey", event.collapseKey().orElse(null));
                params.put("article", event.articleSlug().orElse(null));
                params.put("question", event.questionId().orElse(null));
                params.put("answer", event.answerId().orElse(null));
                params.put("at", datetime(event.at()));
                params.put("since", datetime(event.at().minus(COLLAPSE_WINDOW)));
                notified = tx.run("""
                                OPTIONAL MATCH (actor:Person {id: $actor})
                                UNWIND $recipients AS rid
                                MATCH (p:Person {id: rid})
                                OPTIONAL MATCH (s:NotifySettings {person: rid})
                                WITH p, s, actor, coalesce(s[$channelKey], $defaultChannel) AS channel
                                WHERE channel <> 'off'
                                OPTIONAL MATCH (old:Notification {collapseKey: $collapseKey})
                                  WHERE $collapseKey IS NOT NULL AND old.recipient = p.id AND old.read = false
                                    AND old.email <> 'sent' AND old.at >= $since
                                WITH p, s, actor, channel, head(collect(old)) AS old
                                FOREACH (_ IN CASE WHEN old IS NULL THEN [] ELSE [1] END |
                                  SET old.at = $at, old.count = old.count + 1, old.title = $title,
                                      old.message = $message)
                                FOREACH (_ IN CASE WHEN old IS NULL THEN [1] ELSE [] END |
                                  CREATE (n:Notification {id: randomUUID(), recipient: p.id, kind: $kind, at: $at,
                                    read: false, title: $title, url: $url, message: $message, actorId: $actor,
                                    actorName: coalesce(actor.name, $actor), count: 1, collapseKey: $collapseKey,
                                    article: $article, question: $question, answer: $answer,
                                    email: CASE
                                      WHEN coalesce(p.email, '') = '' OR coalesce(s.emailOff, false) THEN 'none'
                                      WHEN channel = 'email' THEN 'immediate'
                                      WHEN channel = 'digest' THEN 'digest'
                                      ELSE 'none' END})-[:TO]->(p))
                                RETURN count(p) AS n
                                """, params).single().get("n").asInt();
            }
            webhooks.fanOut(tx, event);
            if (event.autoWatch().isPresent()) {
                Subject subject = event.autoWatch().get();
                String property = event.autoWatchAction().orElseThrow().property();
                tx.run(
                                "MATCH (p:Person {id: $person}) MATCH (t:"
                                        + subject.kind().label() + " {"
                                        + subject.kind().keyProperty() + ": $key})"
                                        + " OPTIONAL MATCH (s:NotifySettings {person: $person})"
                                        + " WITH p, t, s WHERE coalesce(s." + property + ", true)"
                                        + " MERGE (p)-[w:WATCHES]->(t) ON CREATE SET w.since = $at, w.auto = true",
                                Map.of("person", event.actorId(), "key", subject.key(), "at", datetime(event.at())))
                        .consume();
            }
            return notified;
        });
    }

    /** A person's notifications about what can still be seen, newest first. */
    public List<Notification> inbox(String personId, int offset, int limit) {
        return graph.read(tx -> tx.run(
                        """
                        MATCH (n:Notification {recipient: $person}) WHERE """ + Visibility.visible("n") + """
                        RETURN n ORDER BY n.at DESC, n.id SKIP $offset LIMIT $limit
                        """,
                        Map.of("person", personId, "offset", offset, "limit", limit))
                .list(r -> toNotification(r)));
    }

    public int unread(String personId) {
        return graph.read(tx -> tx.run(
                        "MATCH (n:Notification {recipient: $person, read: false}) WHERE " + Visibility.visible("n")
                                + " RETURN count(n) AS n",
                        Map.of("person", personId))
                .single()
                .get("n")
                .asInt());
    }

    /** Marks some of a person's notifications read (others' ids are ignored); returns how many changed. */
    public int markRead(String personId, List<String> ids) {
        return graph.write(tx -> tx.run("""
                        UNWIND $ids AS id
                        MATCH (n:Notification {id: id}) WHERE n.recipient = $person AND n.read = false
                        SET n.read = true RETURN count(n) AS n
                        """, Map.of("person", personId, "ids", ids))
                .single()
                .get("n")
                .asInt());
    }

    public int markAllRead(String personId) {
        return graph.write(
                tx -> tx.run("""
                        MATCH (n:Notification {recipient: $person, read: false})
                        SET n.read = true RETURN count(n) AS n
                        """, Map.of("person", personId)).single().get("n").asInt());
    }

    /** Notifications older than {@code before} that were read: housekeeping. */
    public int removeReadBefore(Instant before) {
        return graph.write(tx -> tx.run("""
                        MATCH (n:Notification {read: true}) WHERE n.at < $before AND n.email <> 'immediate'
                        DETACH DELETE n RETURN count(*) AS n
                        """, Map.of("before", datetime(before)))
                .single()
                .get("n")
                .asInt());
    }

    static Notification toNotification(Record r) {
        var n = r.get("n");
        return new Notification(
                n.get("id").asString(),
                n.get("kind").asString(),
                instant(n.get("at")),
                n.get("read").asBoolean(false),
                n.get("title").asString(""),
                n.get("url").asString(""),
                n.get("message").asString(""),
                n.get("actorId").asString(""),
                n.get("actorName").asString(""),
                n.get("count").asInt(1));
    }
}
