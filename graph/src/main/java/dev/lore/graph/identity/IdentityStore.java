package dev.lore.graph.identity;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;
import static dev.lore.graph.internal.Values.optionalString;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import org.neo4j.driver.TransactionContext;

/**
 * Outside identities and the people they are: {@code (:ExternalIdentity {key, issuer, subject,
 * mappedRole, linkedAt, lastSignInAt})-[:OF]->(:Person)}, and company sign-ins in flight, {@code
 * (:PendingSignIn {stateHash, ...})}, kept in the graph so that any server can finish a sign-in
 * another one started, and a state is used at most once. Thread-safe.
 */
public final class IdentityStore {
    private final Graph graph;
    private final CountedWrites writes;

    public IdentityStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
        this.writes = new CountedWrites(graph);
    }

    /** A number that moves after every write this store makes (people's roles and profiles among them). */
    public long writes() {
        return writes.count();
    }

    // ---- sign-ins in flight ---------------------------------------------------------------------

    public void startSignIn(String stateHash, PendingSignIn pending, Instant now) {
        writes.write(tx -> tx.run(
                        """
                        CREATE (:PendingSignIn {stateHash: $hash, nonce: $nonce, verifier: $verifier,
                          redirectUri: $redirect, next: $next, createdAt: $now, expiresAt: $expires})
                        """,
                        Map.of(
                                "hash", stateHash,
                                "nonce", pending.nonce(),
                                "verifier", pending.codeVerifier(),
                                "redirect", pending.redirectUri(),
                                "next", pending.next(),
                                "now", datetime(now),
                                "expires", datetime(pending.expiresAt())))
                .consume());
    }

    /**
     * The sign-in started with this state, removed so that it cannot be finished twice; empty when
     * there is none or it expired (an expired one is removed too).
     */
    public Optional<PendingSignIn> takeSignIn(String stateHash, Instant now) {
        return writes.write(tx -> tx.run("""
                        MATCH (s:PendingSignIn {stateHash: $hash})
                        WITH s, s {.*} AS found
                        DELETE s
                        RETURN found
                        """, Map.of("hash", stateHash)).list(r -> r.get("found")).stream()
                .findFirst()
                .map(v -> new PendingSignIn(
                        v.get("nonce").asString(),
                        v.get("verifier").asString(),
                        v.get("redirectUri").asString(),
                        v.get("next").asString(),
                        instant(v.get("expiresAt"))))
                .filter(p -> p.expiresAt().isAfter(now)));
    }

    /** Removes sign-ins nobody finished; returns how many. */
    public int removeExpiredSignIns(Instant now) {
        return writes.write(tx -> tx.run(
                        "MATCH (s:PendingSignIn) WHERE s.expiresAt <= $now DELETE s RETURN count(*) AS n",
                        Map.of("now", datetime(now)))
                .single()
                .get("n")
                .asInt());
    }

    // ---- identities -----------------------------------------------------------------------------

    /**
     * Signs someone in, in one transaction: the person this identity is linked to; else the one
     * person with the verified email who has no other identity at this issuer (linked now); else a
     * new person. Then their name, email, team and title follow the profile (blank fields are left
     * alone) and their role follows {@code roles}, given their role now and the role the mapping
     * gave them last.
     */
    public SignInOutcome signIn(
            ExternalProfile profile, BiFunction<Optional<String>, Optional<String>, RoleChoice> roles, Instant now) {
        return writes.write(tx -> {
            var key = Map.<String, Object>of("key", profile.key());
            // taken first, so that two sign-ins of one new identity at once make one person, not two
            tx.run(
                            """
                            MERGE (i:ExternalIdentity {key: $key})
                              ON CREATE SET i.issuer = $issuer, i.subject = $subject, i.linkedAt = $now
                            """,
                            Map.of(
                                    "key", profile.key(),
                                    "issuer", profile.issuer(),
                                    "subject", profile.subject(),
                                    "now", datetime(now)))
                    .consume();
            var linked = tx
                    .run("""
                            MATCH (i:ExternalIdentity {key: $key})-[:OF]->(p:Person)
                            RETURN p.id AS id, i.mappedRole AS mappedRole
                            """, key)
                    .list(r -> Map.entry(r.get("id").asString(), optionalString(r.get("mappedRole"))))
                    .stream()
                    .findFirst();
            boolean created = false;
            boolean newlyLinked = false;
            String personId;
            Optional<String> lastMapped = Optional.empty();
            if (linked.isPresent()) {
                personId = linked.get().getKey();
                lastMapped = linked.get().getValue();
            } else {
                if (profile.verifiedEmail().isEmpty()) {
                    forgetUnlinked(tx, profile);
                    return SignInOutcome.refused(SignInOutcome.Kind.NEEDS_VERIFIED_EMAIL, Optional.empty());
                }
                var byEmail = tx.run(
                                """
                                MATCH (p:Person) WHERE toLower(p.email) = toLower($email)
                                RETURN p.id AS id,
                                  EXISTS { (p)<-[:OF]-(:ExternalIdentity {issuer: $issuer}) } AS taken
                                ORDER BY p.joinedAt, p.id
                                """, Map.of("email", profile.verifiedEmail().get(), "issuer", profile.issuer()))
                        .list(r ->
                                Map.entry(r.get("id").asString(), r.get("taken").asBoolean()));
                var free = byEmail.stream().filter(e -> !e.getValue()).findFirst();
                if (free.isPresent()) {
                    personId = free.get().getKey();
                } else if (!byEmail.isEmpty()) {
                    forgetUnlinked(tx, profile);
                    return SignInOutcome.refused(
                            SignInOutcome.Kind.EMAIL_LINKED_ELSEWHERE,
                            Optional.of(byEmail.get(0).getKey()));
                } else {
                    personId = freeId(tx, profile.preferredId());
                    create(tx, personId, profile, roles.apply(Optional.empty(), Optional.empty()), now);
                    created = true;
                }
                tx.run(
                                "MATCH (i:ExternalIdentity {key: $key}), (p:Person {id: $id}) CREATE (i)-[:OF]->(p)",
                                Map.of("id", personId, "key", profile.key()))
                        .consume();
                newlyLinked = true;
                if (created) {
                    var choice = roles.apply(Optional.empty(), Optional.empty());
                    remember(tx, profile, choice, now);
                    return new SignInOutcome(SignInOutcome.Kind.SIGNED_IN, Optional.of(personId), true, true);
                }
            }
            var person = tx.run(
                            "MATCH (p:Person {id: $id}) RETURN p.role AS role, coalesce(p.active, true) AS active",
                            Map.of("id", personId))
                    .single();
            if (!person.get("active").asBoolean()) {
                return new SignInOutcome(SignInOutcome.Kind.INACTIVE, Optional.of(personId), false, newlyLinked);
            }
            var choice = roles.apply(optionalString(person.get("role")), lastMapped);
            update(tx, personId, profile, choice.role());
            remember(tx, profile, choice, now);
            return new SignInOutcome(SignInOutcome.Kind.SIGNED_IN, Optional.of(personId), created, newlyLinked);
        });
    }

    /** Which person an identity is linked to. */
    /** Keeps the ID token a session was opened with, to end the provider's session with it later. */
    public void keepIdToken(String tokenHash, String idToken) {
        graph.write(tx -> tx.run(
                        "MATCH (t:Token {hash: $hash}) SET t.idToken = $idToken",
                        Map.of("hash", tokenHash, "idToken", idToken))
                .consume());
    }

    /** The ID token the session with this hash was opened with, while the session lives. */
    public Optional<String> idToken(String tokenHash) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (t:Token {hash: $hash}) WHERE t.idToken IS NOT NULL RETURN t.idToken AS idToken",
                        Map.of("hash", tokenHash))
                .list(r -> r.get("idToken").asString())
                .stream()
                .findFirst());
    }

    public Optional<String> personFor(String issuer, String subject) {
        return graph.read(tx -> tx
                .run(
                        "MATCH (:ExternalIdentity {key: $key})-[:OF]->(p:Person) RETURN p.id AS id",
                        Map.of("key", issuer + "|" + subject))
                .list(r -> r.get("id").asString())
                .stream()
                .findFirst());
    }

    private static void forgetUnlinked(TransactionContext tx, ExternalProfile profile) {
        tx.run("MATCH (i:ExternalIdentity {key: $key}) WHERE NOT (i)-[:OF]->() DELETE i", Map.of("key", profile.key()))
                .consume();
    }

    private static void remember(TransactionContext tx, ExternalProfile profile, RoleChoice choice, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("key", profile.key());
        params.put("mapped", choice.mapped() ? choice.role() : null);
        params.put("now", datetime(now));
        tx.run("MATCH (i:ExternalIdentity {key: $key}) SET i.mappedRole = $mapped, i.lastSignInAt = $now", params)
                .consume();
    }

    private static void create(
            TransactionContext tx, String id, ExternalProfile profile, RoleChoice role, Instant now) {
        var params = new HashMap<String, Object>();
        params.put("seq", ChangeSequence.next(tx));
        params.put("id", id);
        params.put("name", profile.name().isBlank() ? id : profile.name());
        params.put("email", profile.verifiedEmail().orElse(""));
        params.put("team", profile.team());
        params.put("title", profile.title());
        params.put("role", role.role());
        params.put("joinedAt", datetime(now));
        tx.run("""
                        CREATE (p:Person {id: $id, name: $name, email: $email, team: $team, title: $title,
                          role: $role, active: true, joinedAt: $joinedAt, seq: $seq})
                        """, params).consume();
    }

    /** Name, email, team and title from the profile where it has them, and the role; a new change only when something changed. */
    private static void update(TransactionContext tx, String id, ExternalProfile profile, String role) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put("name", profile.name().isBlank() ? null : profile.name());
        params.put("email", profile.verifiedEmail().orElse(null));
        params.put("team", profile.team().isBlank() ? null : profile.team());
        params.put("title", profile.title().isBlank() ? null : profile.title());
        params.put("role", role);
        var changed = tx.run("""
                        MATCH (p:Person {id: $id})
                        WITH p, {name: coalesce($name, p.name), email: coalesce($email, p.email),
                          team: coalesce($team, p.team), title: coalesce($title, p.title), role: $role} AS next
                        WHERE next.name <> coalesce(p.name, '') OR next.email <> coalesce(p.email, '')
                          OR next.team <> coalesce(p.team, '') OR next.title <> coalesce(p.title, '')
                          OR next.role <> coalesce(p.role, '')
                        SET p += next
                        RETURN count(p) AS n
                        """, params).single().get("n").asInt();
        if (changed > 0) {
            tx.run("MATCH (p:Person {id: $id}) SET p.seq = $seq", Map.of("id", id, "seq", ChangeSequence.next(tx)))
                    .consume();
        }
    }

    /** {@code preferred}, or {@code preferred-2}, {@code -3} ... whichever is free first. */
    private static String freeId(TransactionContext tx, String preferred) {
        var taken = new HashSet<>(tx.run(
                        "MATCH (p:Person) WHERE p.id = $id OR p.id STARTS WITH $prefix RETURN p.id AS id",
                        Map.of("id", preferred, "prefix", preferred + "-"))
                .list(r -> r.get("id").asString()));
        if (!taken.contains(preferred)) {
            return preferred;
        }
        for (int n = 2; ; n++) {
            String candidate = preferred + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
