package dev.lore.graph;

import java.util.List;
import java.util.Optional;

/** Constraints and indexes Lore relies on; applying them is idempotent. */
public final class Schema {
    private static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
            "CREATE CONSTRAINT article_slug IF NOT EXISTS FOR (a:Article) REQUIRE a.slug IS UNIQUE",
            "CREATE CONSTRAINT redirect_slug IF NOT EXISTS FOR (r:Redirect) REQUIRE r.slug IS UNIQUE",
            "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE",
            "CREATE CONSTRAINT link_key IF NOT EXISTS FOR (k:LinkKey) REQUIRE k.key IS UNIQUE",
            "CREATE CONSTRAINT skill_key IF NOT EXISTS FOR (s:Skill) REQUIRE s.key IS UNIQUE",
            "CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (t:Token) REQUIRE t.hash IS UNIQUE",
            "CREATE CONSTRAINT login_throttle_key IF NOT EXISTS FOR (t:LoginThrottle) REQUIRE t.key IS UNIQUE",
            "CREATE CONSTRAINT setting_key IF NOT EXISTS FOR (s:Setting) REQUIRE s.key IS UNIQUE",
            "CREATE CONSTRAINT counter_name IF NOT EXISTS FOR (c:Counter) REQUIRE c.name IS UNIQUE",
            "CREATE CONSTRAINT external_identity_key IF NOT EXISTS FOR (i:ExternalIdentity) REQUIRE i.key IS UNIQUE",
            "CREATE CONSTRAINT pending_sign_in_state IF NOT EXISTS FOR (s:PendingSignIn) REQUIRE s.stateHash IS UNIQUE",
            "CREATE CONSTRAINT scim_group_id IF NOT EXISTS FOR (g:ScimGroup) REQUIRE g.id IS UNIQUE",
            "CREATE INDEX scim_group_name IF NOT EXISTS FOR (g:ScimGroup) ON (g.nameKey)",
            "CREATE CONSTRAINT draft_key IF NOT EXISTS FOR (d:Draft) REQUIRE d.key IS UNIQUE",
            "CREATE CONSTRAINT suggestion_id IF NOT EXISTS FOR (s:Suggestion) REQUIRE s.id IS UNIQUE",
            "CREATE INDEX article_seq IF NOT EXISTS FOR (a:Article) ON (a.seq)",
            "CREATE INDEX person_seq IF NOT EXISTS FOR (p:Person) ON (p.seq)",
            "CREATE INDEX skill_seq IF NOT EXISTS FOR (s:Skill) ON (s.seq)",
            // skill evidence finds a skill's endorsements by this property; without it, a scan of all
            "CREATE INDEX endorsed_skill IF NOT EXISTS FOR ()-[e:ENDORSED]-() ON (e.skill)",
            "CREATE INDEX article_title_lower IF NOT EXISTS FOR (a:Article) ON (a.titleKey)",
            "CREATE INDEX person_email IF NOT EXISTS FOR (p:Person) ON (p.email)",
            "CREATE INDEX person_scim_user_name IF NOT EXISTS FOR (p:Person) ON (p.scimUserName)",
            "CREATE CONSTRAINT search_event_id IF NOT EXISTS FOR (s:SearchEvent) REQUIRE s.id IS UNIQUE",
            "CREATE INDEX search_event_at IF NOT EXISTS FOR (s:SearchEvent) ON (s.at)",
            "CREATE INDEX search_event_person IF NOT EXISTS FOR (s:SearchEvent) ON (s.person)",
            "CREATE CONSTRAINT skill_alias_key IF NOT EXISTS FOR (a:SkillAlias) REQUIRE a.key IS UNIQUE",
            "CREATE CONSTRAINT question_id IF NOT EXISTS FOR (q:Question) REQUIRE q.id IS UNIQUE",
            "CREATE CONSTRAINT answer_id IF NOT EXISTS FOR (a:Answer) REQUIRE a.id IS UNIQUE",
            "CREATE CONSTRAINT comment_id IF NOT EXISTS FOR (c:Comment) REQUIRE c.id IS UNIQUE",
            "CREATE CONSTRAINT kudos_id IF NOT EXISTS FOR (k:Kudos) REQUIRE k.id IS UNIQUE",
            "CREATE INDEX question_seq IF NOT EXISTS FOR (q:Question) ON (q.seq)",
            "CREATE INDEX question_asked_at IF NOT EXISTS FOR (q:Question) ON (q.askedAt)",
            "CREATE INDEX comment_question IF NOT EXISTS FOR (c:Comment) ON (c.questionId)",
            "CREATE CONSTRAINT path_id IF NOT EXISTS FOR (p:Path) REQUIRE p.id IS UNIQUE",
            "CREATE CONSTRAINT path_step_id IF NOT EXISTS FOR (s:PathStep) REQUIRE s.id IS UNIQUE",
            "CREATE INDEX path_created_at IF NOT EXISTS FOR (p:Path) ON (p.createdAt)",
            "CREATE CONSTRAINT collection_id IF NOT EXISTS FOR (c:Collection) REQUIRE c.id IS UNIQUE",
            "CREATE INDEX collection_skill IF NOT EXISTS FOR (c:Collection) ON (c.skillKey)",
            "CREATE CONSTRAINT flag_id IF NOT EXISTS FOR (f:Flag) REQUIRE f.id IS UNIQUE",
            "CREATE INDEX flag_status IF NOT EXISTS FOR (f:Flag) ON (f.status)",
            "CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE",
            "CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at)",
            // impact: weekly figures read these by time range
            "CREATE INDEX revision_at IF NOT EXISTS FOR (r:Revision) ON (r.at)",
            "CREATE INDEX answer_at IF NOT EXISTS FOR (a:Answer) ON (a.at)",
            "CREATE INDEX comment_at IF NOT EXISTS FOR (c:Comment) ON (c.at)",
            "CREATE INDEX kudos_at IF NOT EXISTS FOR (k:Kudos) ON (k.at)",
            "CREATE CONSTRAINT attachment_id IF NOT EXISTS FOR (f:Attachment) REQUIRE f.id IS UNIQUE",
            "CREATE INDEX attachment_seq IF NOT EXISTS FOR (f:Attachment) ON (f.seq)");

    private Schema() {}

    /** The statements, for tests that check a restart runs none of them. */
    static List<String> statements() {
        return STATEMENTS;
    }

    /** Creates what is missing (on a store that has it all, one read and the counter's merge). */
    public static void apply(Graph graph) {
        apply(graph, StoreShape.read(graph));
    }

    /** As above, for a store whose {@code shape} was read already (a restart then writes nothing). */
    public static void apply(Graph graph, StoreShape shape) {
        apply(graph, shape, Optional.empty());
    }

    /**
     * As above; with the embedded database, what is missing (a new store: all of it) is made
     * through Neo4j's Java API, so a first start plans no Cypher for it.
     */
    public static void apply(Graph graph, StoreShape shape, Optional<EmbeddedNeo4j> embedded) {
        SchemaStatements.applyMissing(graph, STATEMENTS, shape.schemaNames(), embedded);
        if (!shape.counterExists()) {
            if (embedded.isPresent()) {
                embedded.get().createChangeCounter();
            } else {
                graph.write(tx -> tx.run("MERGE (c:Counter {name: 'change'}) ON CREATE SET c.value = 0")
                        .consume());
            }
        }
    }

    /**
     * Deletes every node and relationship (articles, people, questions, answers, comments, kudos:
     * everything), then re-creates the counter. For tests and resets.
     */
    public static void wipe(Graph graph) {
        graph.write(tx -> tx.run("MATCH (n) DETACH DELETE n").consume());
        apply(graph);
    }
}
