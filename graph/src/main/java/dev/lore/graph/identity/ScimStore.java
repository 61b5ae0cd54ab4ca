package dev.lore.graph.identity;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * People provisioned by a directory over SCIM: the directory's {@code userName} and {@code
 * externalId} are kept on the person ({@code scimUserName}, {@code scimExternalId}). A user the
 * directory creates is linked to the person with the same email who is not provisioned yet (the
 * seed pack's, an import's, a Git author), else made. Whether someone is active is left to the
 * caller (deactivation revokes sessions, which lives with availability). Thread-safe.
 */
public final class ScimStore {
    private static final String COLUMNS = """
            p.id AS id, p.scimUserName AS userName, p.scimExternalId AS externalId, p.name AS name,
            p.email AS email, p.team AS team, p.title AS title, coalesce(p.active, true) AS active
            """;

    private final Graph graph;
    private final CountedWrites writes;

    public ScimStore(Graph graph) {
        this.graph = graph;
        this.writes = new CountedWrites(graph);
    }

    public long writes() {
        return writes.count();
    }

    /** The result of a create: the person, and whether they were made (else linked by email). */
    public record Provisioned(String personId, boolean created) {}

    /**
     * Provisions {@code user} (its {@code personId} is ignored; {@code preferredId} is tried for a
     * new person); empty when the userName is provisioned already.
     */
    public Optional<Provisioned> create(ScimUser user, String preferredId, String role, Instant now) {
        return writes.write(tx -> {
            boolean taken = tx.run(
                            "MATCH (p:Person {scimUserName: $u}) RETURN count(p) > 0 AS taken",
                            Map.of("u", user.userName()))
                    .single()
                    .get("taken")
                    .asBoolean();
            if (taken) {
                return Optional.<Provisioned>empty();
            }
            var byEmail = user.email().isBlank()
                    ? List.<String>of()
                    : tx.run("""
                                    MATCH (p:Person) WHERE toLower(p.email) = toLower($email) AND p.scimUserName IS NULL
                                    RETURN p.id AS id ORDER BY p.joinedAt, p.id LIMIT 1
                                    """, Map.of("email", user.email()))
                            .list(r -> r.get("id").asString());
            boolean created = byEmail.isEmpty();
            String id = created ? freeId(tx, preferredId) : byEmail.get(0);
            if (created) {
                var params = new HashMap<String, Object>();
                params.put("id", id);
                params.put("role", role);
                params.put("name", user.name().isBlank() ? user.userName() : user.name());
                params.put("joinedAt", datetime(now));
                tx.run("""
                                CREATE (:Person {id: $id, name: $name, email: '', team: '', title: '', role: $role,
                                  active: true, joinedAt: $joinedAt})
                                """, params).consume();
            }
            set(tx, id, user);
            return Optional.of(new Provisioned(id, created));
        });
    }

    /** Replaces what the directory says about a provisioned person (blank fields are left alone). */
    public boolean update(ScimUser user) {
        return writes.write(tx -> {
            boolean found = tx.run(
                            "MATCH (p:Person {id: $id}) WHERE p.scimUserName IS NOT NULL RETURN count(p) > 0 AS f",
                            Map.of("id", user.personId()))
                    .single()
                    .get("f")
                    .asBoolean();
            if (found) {
                set(tx, user.personId(), user);
            }
            return found;
        });
    }

    private static void set(org.neo4j.driver.TransactionContext tx, String id, ScimUser user) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("userName", user.userName());
        params.put("externalId", user.externalId().orElse(null));
        params.put("name", blankToNull(user.name()));
        params.put("email", blankToNull(user.email()));
        params.put("team", blankToNull(user.team()));
        params.put("title", blankToNull(user.title()));
        params.put("seq", ChangeSequence.next(tx));
        tx.run("""
                        MATCH (p:Person {id: $id})
                        SET p.scimUserName = $userName, p.scimExternalId = coalesce($externalId, p.scimExternalId),
                          p.name = coalesce($name, p.name), p.email = coalesce($email, p.email),
                          p.team = coalesce($team, p.team), p.title = coalesce($title, p.title), p.seq = $seq
                        """, params).consume();
    }

    public Optional<ScimUser> find(String personId) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (p:Person {id: $id}) WHERE p.scimUserName IS NOT NULL RETURN " + COLUMNS,
                        Map.of("id", personId))
                .list(ScimStore::toUser)
                .stream()
                .findFirst());
    }

    public Optional<ScimUser> findByUserName(String userName) {
        return graph.read(tx -> tx
                .run("MATCH (p:Person {scimUserName: $u}) RETURN " + COLUMNS, Map.of("u", userName))
                .list(ScimStore::toUser)
                .stream()
                .findFirst());
    }

    /** Provisioned people by id, {@code count} from {@code offset}, and how many there are. */
    public Map.Entry<Long, List<ScimUser>> list(int offset, int count) {
        return graph.read(tx -> {
            long total = tx.run("MATCH (p:Person) WHERE p.scimUserName IS NOT NULL RETURN count(p) AS n")
                    .single()
                    .get("n")
                    .asLong();
            var users = tx.run(
                            "MATCH (p:Person) WHERE p.scimUserName IS NOT NULL RETURN " + COLUMNS
                                    + " ORDER BY p.id SKIP $offset LIMIT $count",
                            Map.of("offset", offset, "count", count))
                    .list(ScimStore::toUser);
            return Map.entry(total, users);
        });
    }

    private static ScimUser toUser(Record r) {
        return new ScimUser(
                r.get("id").asString(),
                r.get("userName").asString(),
                optionalString(r.get("externalId")),
                r.get("name").asString(""),
                r.get("email").asString(""),
                r.get("team").asString(""),
                r.get("title").asString(""),
                r.get("active").asBoolean());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String freeId(org.neo4j.driver.TransactionContext tx, String preferred) {
        var taken = new HashSet<>(tx.run(
                        "MATCH (p:Person) WHERE p.id = $id OR p.id STARTS WITH $prefix RETURN p.id AS id",
                        Map.of("id", preferred, "prefix", preferred + "-"))
                .list(r -> r.get("id").asString()));
        if (!taken.contains(preferred)) {
            return preferred;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(preferred + "-" + n)) {
                return preferred + "-" + n;
            }
        }
    }
}
