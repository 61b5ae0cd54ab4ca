package dev.lore.graph.identity;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

/**
 * Groups provisioned by a directory over SCIM, {@code (:Person)-[:MEMBER_OF]->(:ScimGroup {id,
 * displayName, externalId})}, and the roles they give. Every change to a group's name or members
 * settles the role of each person it touched in the same transaction, with the caller's {@link
 * RolePolicy} over the names of all their groups; the role the groups gave last is kept on the
 * person ({@code scimMappedRole}) so that leaving a group takes its role away while a role set by
 * hand stays. Thread-safe.
 */
public final class ScimGroupStore {
    private final Graph graph;
    private final CountedWrites writes;

    public ScimGroupStore(Graph graph) {
        this.graph = graph;
        this.writes = new CountedWrites(graph);
    }

    /** Moves after every write, so cached people (with their roles) can be read again. */
    public long writes() {
        return writes.count();
    }

    /** Chooses a role from a person's group names, their role now and the role groups gave last. */
    @FunctionalInterface
    public interface RolePolicy {
        RoleChoice choose(List<String> groups, Optional<String> current, Optional<String> lastMapped);
    }

    /** A role a group change gave a person: before, after, and the groups that decided it. */
    public record RoleChange(String personId, String before, String after, List<String> groups) {}

    /** What a write left: the group (empty once deleted) and the roles it changed. */
    public record Written(Optional<ScimGroup> group, List<RoleChange> roleChanges) {}

    /** One change to a group's members, applied in order: add, remove, remove all, or replace. */
    public record MemberOp(Kind kind, List<String> personIds) {
        public enum Kind {
            ADD,
            REMOVE,
            SET
        }

        public MemberOp {
            personIds = List.copyOf(personIds);
        }
    }

    /** Thrown when members name people Lore does not have; nothing was written. */
    public static final class UnknownMembers extends RuntimeException {
        private final List<String> ids;

        UnknownMembers(List<String> ids) {
            super("no such users: " + String.join(", ", ids));
            this.ids = List.copyOf(ids);
        }

        public List<String> ids() {
            return ids;
        }
    }

    /** Thrown when another group has the display name already (names are unique, letter case ignored). */
    public static final class NameTaken extends RuntimeException {
        NameTaken(String name) {
            super("a group named '" + name + "' exists already");
        }
    }

    /** Creates a group with its members and settles their roles. */
    public Written create(
            String id,
            String displayName,
            Optional<String> externalId,
            List<String> members,
            RolePolicy roles,
            Instant now) {
        return writes.write(tx -> {
            requireFreeName(tx, displayName, "");
            requirePeople(tx, members);
            var params = new HashMap<String, Object>();
            params.put("id", id);
            params.put("name", displayName);
            params.put("externalId", externalId.orElse(null));
            params.put("now", datetime(now));
            tx.run("""
                    CREATE (:ScimGroup {id: $id, displayName: $name, nameKey: toLower($name),
                      externalId: $externalId, createdAt: $now})
                    """, params).consume();
            link(tx, id, members);
            List<RoleChange> changes = settle(tx, Set.copyOf(members), roles);
            return new Written(read(tx, id), changes);
        });
    }

    /**
     * Renames a group (when {@code displayName} is given), sets its external id (when given) and
     * applies {@code ops} to its members; empty when there is no such group.
     */
    public Optional<Written> change(
            String id,
            Optional<String> displayName,
            Optional<String> externalId,
            List<MemberOp> ops,
            RolePolicy roles) {
        return writes.write(tx -> {
            if (read(tx, id).isEmpty()) {
                return Optional.<Written>empty();
            }
            var touched = new LinkedHashSet<String>(members(tx, id));
            if (displayName.isPresent()) {
                requireFreeName(tx, displayName.get(), id);
                tx.run(
                                "MATCH (g:ScimGroup {id: $id}) SET g.displayName = $name, g.nameKey = toLower($name)",
                                Map.of("id", id, "name", displayName.get()))
                        .consume();
            }
            externalId.ifPresent(
                    x -> tx.run("MATCH (g:ScimGroup {id: $id}) SET g.externalId = $x", Map.of("id", id, "x", x))
                            .consume());
            for (MemberOp op : ops) {
                switch (op.kind()) {
                    case ADD -> {
                        requirePeople(tx, op.personIds());
                        link(tx, id, op.personIds());
                    }
                    case REMOVE ->
                        tx.run("""
                                    MATCH (p:Person)-[m:MEMBER_OF]->(:ScimGroup {id: $id})
                                    WHERE p.id IN $ids DELETE m
                                    """, Map.of("id", id, "ids", op.personIds())).consume();
                    case SET -> {
                        requirePeople(tx, op.personIds());
                        tx.run("MATCH (:Person)-[m:MEMBER_OF]->(:ScimGroup {id: $id}) DELETE m", Map.of("id", id))
                                .consume();
                        link(tx, id, op.personIds());
                    }
                }
                touched.addAll(op.personIds());
            }
            List<RoleChange> changes = settle(tx, touched, roles);
            return Optional.of(new Written(read(tx, id), changes));
        });
    }

    /** Deletes a group and settles its former members' roles; empty when there is no such group. */
    public Optional<Written> delete(String id, RolePolicy roles) {
        return writes.write(tx -> {
            if (read(tx, id).isEmpty()) {
                return Optional.<Written>empty();
            }
            List<String> members = members(tx, id);
            tx.run("MATCH (g:ScimGroup {id: $id}) DETACH DELETE g", Map.of("id", id))
                    .consume();
            return Optional.of(new Written(Optional.empty(), settle(tx, Set.copyOf(members), roles)));
        });
    }

    public Optional<ScimGroup> find(String id) {
        return graph.read(tx -> read(tx, id));
    }

    /** The group with this display name (letter case ignored) or external id. */
    public Optional<ScimGroup> findBy(String attribute, String value) {
        String where = switch (attribute) {
            case "displayName" -> "g.nameKey = toLower($v)";
            case "externalId" -> "g.externalId = $v";
            default -> throw new IllegalArgumentException("attribute must be displayName or externalId");
        };
        return graph.read(tx -> tx
                .run("MATCH (g:ScimGroup) WHERE " + where + " RETURN g.id AS id", Map.of("v", value))
                .list(r -> r.get("id").asString())
                .stream()
                .findFirst()
                .flatMap(id -> read(tx, id)));
    }

    /** Groups by name, {@code count} from {@code offset}, and how many there are. */
    public Map.Entry<Long, List<ScimGroup>> list(int offset, int count) {
        return graph.read(tx -> {
            long total = tx.run("MATCH (g:ScimGroup) RETURN count(g) AS n")
                    .single()
                    .get("n")
                    .asLong();
            var groups = new ArrayList<ScimGroup>();
            for (String id : tx.run(
                            "MATCH (g:ScimGroup) RETURN g.id AS id ORDER BY g.nameKey, g.id SKIP $offset LIMIT $count",
                            Map.of("offset", offset, "count", count))
                    .list(r -> r.get("id").asString())) {
                read(tx, id).ifPresent(groups::add);
            }
            return Map.entry(total, groups);
        });
    }

    /** The names of the groups a person is in. */
    public List<String> groupsOf(String personId) {
        return graph.read(tx -> tx.run(
                        "MATCH (:Person {id: $id})-[:MEMBER_OF]->(g:ScimGroup) RETURN g.displayName AS name ORDER BY name",
                        Map.of("id", personId))
                .list(r -> r.get("name").asString()));
    }

    private static Optional<ScimGroup> read(TransactionContext tx, String id) {
        return tx.run("""
                        MATCH (g:ScimGroup {id: $id})
                        OPTIONAL MATCH (p:Person)-[:MEMBER_OF]->(g)
                        WITH g, p ORDER BY p.id
                        RETURN g.id AS id, g.displayName AS name, g.externalId AS externalId,
                          [x IN collect(p) | {id: x.id, name: x.name}] AS members
                        """, Map.of("id", id)).list(ScimGroupStore::toGroup).stream()
                .findFirst();
    }

    private static ScimGroup toGroup(Record r) {
        var members = r.get("members")
                .asList(v -> new ScimGroup.Member(
                        v.get("id").asString(), v.get("name").asString("")));
        return new ScimGroup(
                r.get("id").asString(), r.get("name").asString(), optionalString(r.get("externalId")), members);
    }

    private static List<String> members(TransactionContext tx, String id) {
        return tx.run("MATCH (p:Person)-[:MEMBER_OF]->(:ScimGroup {id: $id}) RETURN p.id AS id", Map.of("id", id))
                .list(r -> r.get("id").asString());
    }

    private static void link(TransactionContext tx, String id, List<String> people) {
        tx.run("""
                        MATCH (g:ScimGroup {id: $id})
                        UNWIND $ids AS pid MATCH (p:Person {id: pid}) MERGE (p)-[:MEMBER_OF]->(g)
                        """, Map.of("id", id, "ids", people)).consume();
    }

    private static void requirePeople(TransactionContext tx, List<String> ids) {
        var known =
                Set.copyOf(tx.run("UNWIND $ids AS pid MATCH (p:Person {id: pid}) RETURN p.id AS id", Map.of("ids", ids))
                        .list(r -> r.get("id").asString()));
        var unknown = ids.stream().filter(i -> !known.contains(i)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new UnknownMembers(unknown);
        }
    }

    private static void requireFreeName(TransactionContext tx, String name, String exceptId) {
        boolean taken = tx.run(
                        "MATCH (g:ScimGroup) WHERE g.nameKey = toLower($name) AND g.id <> $except RETURN count(g) > 0 AS t",
                        Map.of("name", name, "except", exceptId))
                .single()
                .get("t")
                .asBoolean();
        if (taken) {
            throw new NameTaken(name);
        }
    }

    /** Gives each of {@code people} the role their groups now call for. */
    private static List<RoleChange> settle(TransactionContext tx, Set<String> people, RolePolicy roles) {
        var changes = new ArrayList<RoleChange>();
        for (String personId : people.stream().sorted().toList()) {
            var found = tx.run("""
                            MATCH (p:Person {id: $id})
                            OPTIONAL MATCH (p)-[:MEMBER_OF]->(g:ScimGroup)
                            WITH p, g ORDER BY g.nameKey
                            RETURN p.role AS role, p.scimMappedRole AS mapped,
                              [x IN collect(g) | x.displayName] AS groups
                            """, Map.of("id", personId)).list(r -> r);
            if (found.isEmpty()) {
                continue;
            }
            Record r = found.getFirst();
            Optional<String> current = optionalString(r.get("role"));
            Optional<String> lastMapped = optionalString(r.get("mapped"));
            List<String> groups = r.get("groups").asList(v -> v.asString());
            RoleChoice choice = roles.choose(groups, current, lastMapped);
            Optional<String> mapped = choice.mapped() ? Optional.of(choice.role()) : Optional.empty();
            if (current.filter(choice.role()::equals).isPresent() && mapped.equals(lastMapped)) {
                continue;
            }
            var params = new HashMap<String, Object>();
            params.put("id", personId);
            params.put("role", choice.role());
            params.put("mapped", mapped.orElse(null));
            params.put("seq", ChangeSequence.next(tx));
            tx.run("MATCH (p:Person {id: $id}) SET p.role = $role, p.scimMappedRole = $mapped, p.seq = $seq", params)
                    .consume();
            if (!current.filter(choice.role()::equals).isPresent()) {
                changes.add(new RoleChange(personId, current.orElse("none"), choice.role(), groups));
            }
        }
        return changes;
    }
}
