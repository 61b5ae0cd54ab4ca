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
}
