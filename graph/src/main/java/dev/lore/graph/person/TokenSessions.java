package dev.lore.graph.person;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.internal.CountedWrites;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person's sign-in sessions for {@link PersonStore}: where each token was last used from, the
 * list of live ones, and revoking them. Revoking counts as a write of the store it is given.
 */
final class TokenSessions {
    private final Graph graph;
    private final CountedWrites writes;

    TokenSessions(Graph graph, CountedWrites writes) {
        this.graph = graph;
        this.writes = writes;
    }

    /**
     * Notes a token's last use ({@code at}) and where from. Not counted as a change to people
     * ({@link PersonStore#writes()}): nothing anyone caches depends on it.
     */
    void touch(String tokenHash, Optional<Instant> at, Optional<String> address, Optional<String> userAgent) {
        var params = new HashMap<String, Object>();
        params.put("hash", tokenHash);
        params.put("at", at.map(dev.lore.graph.internal.Values::datetime).orElse(null));
        params.put("address", address.map(a -> left(a, 100)).orElse(null));
        params.put("agent", userAgent.map(a -> left(a, 300)).orElse(null));
        graph.write(tx -> tx.run("""
                        MATCH (t:Token {hash: $hash})
                        SET t.lastUsedAt = coalesce($at, t.lastUsedAt), t.address = coalesce($address, t.address),
                            t.userAgent = coalesce($agent, t.userAgent)
                        """, params).consume());
    }

    private static String left(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** A person's live tokens, the most recently used (or made) first. */
    List<TokenInfo> list(String personId, Instant now) {
        return graph.read(tx -> tx.run("""
                        MATCH (t:Token)-[:FOR]->(:Person {id: $id})
                        WHERE t.expiresAt > $now
                        RETURN t.hash AS hash, t.kind AS kind, t.createdAt AS createdAt, t.lastUsedAt AS lastUsedAt,
                               t.expiresAt AS expiresAt, t.address AS address, t.userAgent AS userAgent
                        ORDER BY coalesce(t.lastUsedAt, t.createdAt) DESC, t.hash
                        """, Map.of("id", personId, "now", datetime(now)))
                .list(r -> new TokenInfo(
                        TokenInfo.idOf(r.get("hash").asString()),
                        r.get("kind").asString().endsWith("api") ? "api" : "session",
                        instant(r.get("createdAt")),
                        r.get("lastUsedAt").isNull() ? Optional.empty() : Optional.of(instant(r.get("lastUsedAt"))),
                        instant(r.get("expiresAt")),
                        dev.lore.graph.internal.Values.optionalString(r.get("address")),
                        dev.lore.graph.internal.Values.optionalString(r.get("userAgent")))));
    }

    /**
     * Removes a person's tokens: the one with {@code tokenId} ({@link TokenInfo#id}), or all of them
     * when empty, except the one whose hash is {@code keepHash}. Returns how many went.
     */
    int remove(String personId, Optional<String> tokenId, Optional<String> keepHash) {
        if (tokenId.isPresent() && !tokenId.get().matches("[0-9a-f]{" + TokenInfo.ID_LENGTH + "}")) {
            return 0;
        }
        var params = new HashMap<String, Object>();
        params.put("id", personId);
        params.put("tokenId", tokenId.orElse(null));
        params.put("keep", keepHash.orElse(""));
        return writes.write(tx -> {
            int n = tx.run("""
                            MATCH (t:Token)-[:FOR]->(:Person {id: $id})
                            WHERE ($tokenId IS NULL OR left(t.hash, size($tokenId)) = $tokenId) AND t.hash <> $keep
                            DETACH DELETE t RETURN count(*) AS n
                            """, params).single().get("n").asInt();
            if (n > 0) {
                dev.lore.graph.GraphVersion.sessionsChanged(tx); // other servers forget the tokens at once
            }
            return n;
        });
    }

    /** Stores a sign-in token (by its hash) for a person until {@code expiresAt}. */
    void add(String personId, String tokenHash, String kind, Instant createdAt, Instant expiresAt) {
        writes.write(tx -> tx.run(
                        """
                        MATCH (p:Person {id: $id})
                        CREATE (t:Token {hash: $hash, kind: $kind, createdAt: $createdAt, expiresAt: $expiresAt})
                               -[:FOR]->(p)
                        """,
                        Map.of(
                                "id",
                                personId,
                                "hash",
                                tokenHash,
                                "kind",
                                kind,
                                "createdAt",
                                datetime(createdAt),
                                "expiresAt",
                                datetime(expiresAt)))
                .consume());
    }

    /** The active person a live token belongs to. */
    Optional<Person> person(String tokenHash, Instant now) {
        return graph.read(tx -> tx
                .run("""
                        MATCH (t:Token {hash: $hash})-[:FOR]->(p:Person)
                        WHERE t.expiresAt > $now AND coalesce(p.active, true)
                        RETURN\s""" + PersonStore.PERSON_COLUMNS, Map.of("hash", tokenHash, "now", datetime(now)))
                .list(PersonStore::toPerson)
                .stream()
                .findFirst());
    }

    void removeOne(String tokenHash) {
        writes.write(tx -> {
            tx.run("MATCH (t:Token {hash: $hash}) DETACH DELETE t", Map.of("hash", tokenHash))
                    .consume();
            dev.lore.graph.GraphVersion.sessionsChanged(tx); // other servers forget the token at once
            return null;
        });
    }

    /** Removes every token whose kind starts with {@code prefix}; returns how many. */
    int removeOfKindPrefix(String prefix) {
        return writes.write(tx -> {
            int n = tx.run(
                            "MATCH (t:Token) WHERE t.kind STARTS WITH $prefix DETACH DELETE t RETURN count(*) AS n",
                            Map.of("prefix", prefix))
                    .single()
                    .get("n")
                    .asInt();
            if (n > 0) {
                dev.lore.graph.GraphVersion.sessionsChanged(tx);
            }
            return n;
        });
    }

    /** Removes expired tokens; returns how many. */
    int removeExpired(Instant now) {
        return writes.write(tx -> tx.run(
                        "MATCH (t:Token) WHERE t.expiresAt <= $now DETACH DELETE t RETURN count(*) AS n",
                        Map.of("now", datetime(now)))
                .single()
                .get("n")
                .asInt());
    }
}
