package dev.lore.graph.notify;

import dev.lore.graph.Graph;
import dev.lore.graph.SchemaStatements;
import java.util.List;

/** Constraints and indexes of notifications, watches, preferences and webhooks. Idempotent. */
public final class NotifySchema {
    private static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE",
            "CREATE INDEX notification_recipient IF NOT EXISTS FOR (n:Notification) ON (n.recipient, n.read)",
            "CREATE INDEX notification_collapse IF NOT EXISTS FOR (n:Notification) ON (n.collapseKey)",
            "CREATE INDEX notification_email IF NOT EXISTS FOR (n:Notification) ON (n.email)",
            "CREATE CONSTRAINT notify_settings_person IF NOT EXISTS FOR (s:NotifySettings) REQUIRE s.person IS UNIQUE",
            "CREATE CONSTRAINT webhook_id IF NOT EXISTS FOR (w:Webhook) REQUIRE w.id IS UNIQUE",
            "CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE",
            "CREATE INDEX webhook_delivery_state IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.state)");

    private NotifySchema() {}

    public static void apply(Graph graph) {
        SchemaStatements.applyMissing(graph, STATEMENTS);
    }

    /** As above, with the names the store has already read. */
    public static void apply(Graph graph, dev.lore.graph.StoreShape shape) {
        SchemaStatements.applyMissing(graph, STATEMENTS, shape.schemaNames());
    }

    /** As above, made in process when the database is embedded (no Cypher to plan). */
    public static void apply(
            Graph graph, dev.lore.graph.StoreShape shape, java.util.Optional<dev.lore.graph.EmbeddedNeo4j> embedded) {
        SchemaStatements.applyMissing(graph, STATEMENTS, shape.schemaNames(), embedded);
    }
}
