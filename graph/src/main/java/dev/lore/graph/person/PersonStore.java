package dev.lore.graph.person;

import static dev.lore.graph.internal.Values.datetime;
import static dev.lore.graph.internal.Values.instant;

import dev.lore.graph.Graph;
import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.expertise.SkillCypher;
import dev.lore.graph.expertise.SkillNames;
import dev.lore.graph.internal.ChangeSequence;
import dev.lore.graph.internal.CountedWrites;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.neo4j.driver.Record;

/**
 * People, their credentials and their sign-in tokens. Tokens are stored only as hashes, so a copy
 * of the database does not hand out sessions. Thread-safe.
 */
public final class PersonStore {
    static final String PERSON_COLUMNS = """
            p.id AS id, p.name AS name, p.email AS email, p.team AS team, p.title AS title, p.role AS role,
            coalesce(p.active, true) AS active, p.joinedAt AS joinedAt
            """;

    private final Graph graph;

    private final CountedWrites writes;

    private final TokenSessions sessions;

    /**
     * A number that moves after every write this store makes (people, roles, passwords, tokens),
     * so callers can cache what they read about people until the next one.
     */
    public long writes() {
        return writes.count();
    }

    private <T> T write(java.util.function.Function<org.neo4j.driver.TransactionContext, T> work) {
        return writes.write(work);
    }

    public PersonStore(Graph graph) {
        this.graph = Objects.requireNonNull(graph, "graph must not be null");
        this.writes = new CountedWrites(this.graph);
        this.sessions = new TokenSessions(this.graph, writes);
    }

    /**
     * Runs writes of this store and the reads that answer them in one transaction ({@link
     * Graph#inOneTransaction}): the answer describes the state these writes left.
     */
    public <T> T inOneTransaction(java.util.function.Supplier<T> work) {
        return graph.inOneTransaction(work);
    }

    /** Creates a person, or returns false when the id is taken (nothing is changed then). */
    public boolean create(NewPerson person) {
        return write(tx -> {
            var params = new HashMap<String, Object>();
            params.put("seq", ChangeSequence.next(tx));
            params.put("id", person.id());
            params.put("name", person.name());
            params.put("email", person.email());
            params.put("team", person.team());
            params.put("title", person.title());
            params.put("role", person.role());
            params.put("hash", person.passwordHash());
            params.put("joinedAt", datetime(person.joinedAt()));
            return tx.run("""
                            MERGE (p:Person {id: $id})
                              ON CREATE SET p.name = $name, p.email = $email, p.team = $team, p.title = $title,
                                p.role = $role, p.passwordHash = $hash, p.active = true, p.joinedAt = $joinedAt,
                                p.created = true, p.seq = $seq
                            WITH p, coalesce(p.created, false) AS created
                            REMOVE p.created
                            RETURN created
                            """, params).single().get("created").asBoolean();
        });
    }

    /**
     * Creates many people in one statement, all with one change number (so the index catches up
     * once); ids already taken are left as they are. Returns how many were created. For bulk loads
     * and benchmarks.
     */
    public int createBatch(List<NewPerson> people) {
        if (people.isEmpty()) {
            return 0;
        }
        var rows = new java.util.ArrayList<Map<String, Object>>();
        for (NewPerson person : people) {
            var row = new HashMap<String, Object>();
            row.put("id", person.id());
            row.put("name", person.name());
            row.put("email", person.email());
            row.put("team", person.team());
            row.put("title", person.title());
            row.put("role", person.role());
            row.put("hash", person.passwordHash());
            row.put("joinedAt", datetime(person.joinedAt()));
            rows.add(row);
        }
        return write(tx -> {
            long seq = ChangeSequence.next(tx);
            return tx.run("""
                            UNWIND $rows AS row
                            MERGE (p:Person {id: row.id})
                              ON CREATE SET p.name = row.name, p.email = row.email, p.team = row.team,
                                p.title = row.title, p.role = row.role, p.passwordHash = row.hash, p.active = true,
                                p.joinedAt = row.joinedAt, p.created = true, p.seq = $seq
                            WITH p, coalesce(p.created, false) AS created
                            REMOVE p.created
                            RETURN count(CASE WHEN created THEN 1 END) AS n
                            """, Map.of("rows", rows, "seq", seq))
                    .single()
                    .get("n")
                    .asInt();
        });
    }

    public Optional<Person> find(String id) {
        return graph.read(tx -> tx
                .run("MATCH (p:Person {id: $id}) RETURN " + PERSON_COLUMNS, Map.of("id", id))
                .list(PersonStore::toPerson)
                .stream()
                .findFirst());
    }

    /** The stored password hash of an active person found by id or email. */
    public Optional<Credentials> credentials(String idOrEmail) {
        return graph.read(tx -> tx
                .run("""
                        MATCH (p:Person) WHERE (p.id = $key OR p.email = $key) AND coalesce(p.active, true)
                          AND p.passwordHash IS NOT NULL
                        RETURN p.id AS id, p.passwordHash AS hash LIMIT 1
                        """, Map.of("key", idOrEmail))
                .list(r -> new Credentials(r.get("id").asString(), r.get("hash").asString()))
                .stream()
                .findFirst());
    }

    public void setPasswordHash(String id, String hash) {
        int updated = write(tx -> tx.run(
                        "MATCH (p:Person {id: $id}) SET p.passwordHash = $hash RETURN count(p) AS n",
                        Map.of("id", id, "hash", hash))
                .single()
                .get("n")
                .asInt());
        if (updated == 0) {
            throw new NoSuchEntityException("person", id);
        }
    }

    public void setRole(String id, String role) {
        int updated = write(tx -> tx.run(
                        "MATCH (p:Person {id: $id}) SET p.role = $role, p.seq = $seq RETURN count(p) AS n",
                        Map.of("id", id, "role", role, "seq", ChangeSequence.next(tx)))
                .single()
                .get("n")
                .asInt());
        if (updated == 0) {
            throw new NoSuchEntityException("person", id);
        }
    }

    public List<Person> list() {
        return graph.read(tx -> tx.run("MATCH (p:Person) RETURN " + PERSON_COLUMNS + " ORDER BY p.name")
                .list(PersonStore::toPerson));
    }

    public long count() {
        return graph.read(tx -> tx.run("MATCH (p:Person) RETURN count(p) AS n")
                .single()
                .get("n")
                .asLong());
    }

    /** Replaces a person's declared skills and wishes to learn. */
    public void declareSkills(String id, List<DeclaredSkill> skills, List<String> wantsToLearn, Instant at) {
        declare(id, skills, Optional.of(wantsToLearn), at);
    }

    /**
     * Replaces a person's declared skills and keeps their wishes to learn; inside a caller's {@link
     * Graph#inOneTransaction}, it joins it.
     */
    public void declareSkills(String id, List<DeclaredSkill> skills, Instant at) {
        declare(id, skills, Optional.empty(), at);
    }

    private void declare(String id, List<DeclaredSkill> skills, Optional<List<String>> wantsToLearn, Instant at) {
        var params = new HashMap<String, Object>();
        params.put("id", id);
        params.put(
                "skills",
                skills.stream()
                        .flatMap(s -> SkillNames.of(s.name()).stream()
                                .map(n -> Map.of("key", n.key(), "name", n.name(), "level", s.level())))
                        .toList());
        params.put("wants", SkillNames.params(wantsToLearn.orElse(List.of())));
        params.put("at", datetime(at));
        params.put("newSkillSeq", null);
        String replaced = wantsToLearn.isPresent() ? "HAS_SKILL|WANTS_TO_LEARN" : "HAS_SKILL";
        write(tx -> {
            params.put("seq", ChangeSequence.next(tx));
            tx.run("""
                            MATCH (p:Person {id: $id}) SET p.seq = $seq
                            WITH p
                            OPTIONAL MATCH (p)-[old:%s]->(s:Skill)
                            SET s.seq = $seq
                            DELETE old
                            """.formatted(replaced), params).consume();
            tx.run("""
                            MATCH (p:Person {id: $id})
                            UNWIND $skills AS skill
                            """ + SkillCypher.MERGE + """
                            SET s.seq = $seq
                            MERGE (p)-[h:HAS_SKILL]->(s) SET h.level = skill.level, h.declaredAt = $at
                            """, params).consume();
            tx.run("""
                            MATCH (p:Person {id: $id})
                            UNWIND $wants AS skill
                            """ + SkillCypher.MERGE + """
                            MERGE (p)-[:WANTS_TO_LEARN]->(s)
                            """, params).consume();
            return null;
        });
    }

    /**
     * Sets how a person is reached besides email: a chat handle and office hours, each empty for
     * none; inside a caller's {@link Graph#inOneTransaction}, it joins it.
     *
     * @throws NoSuchEntityException when there is no such person
     */
    public void setContact(String id, String chat, String officeHours) {
        int updated = write(tx -> tx.run("""
                        MATCH (p:Person {id: $id})
                        SET p.chat = CASE WHEN $chat = '' THEN null ELSE $chat END,
                            p.officeHours = CASE WHEN $hours = '' THEN null ELSE $hours END
                        RETURN count(p) AS n
                        """, Map.of("id", id, "chat", chat, "hours", officeHours))
                .single()
                .get("n")
                .asInt());
        if (updated == 0) {
            throw new NoSuchEntityException("person", id);
        }
    }

    /** Everyone's declared skill names, by person id (people without any are absent). */
    public Map<String, List<String>> declaredSkillNames() {
        return graph.read(tx -> {
            var out = new HashMap<String, List<String>>();
            tx.run("""
                            MATCH (p:Person)-[:HAS_SKILL]->(s:Skill)
                            RETURN p.id AS id, collect(s.name) AS skills
                            """)
                    .list()
                    .forEach(
                            r -> out.put(r.get("id").asString(), r.get("skills").asList(v -> v.asString())));
            return out;
        });
    }

    public List<DeclaredSkill> declaredSkills(String id) {
        return graph.read(tx -> tx.run("""
                        MATCH (:Person {id: $id})-[h:HAS_SKILL]->(s:Skill)
                        RETURN s.name AS name, h.level AS level ORDER BY s.name
                        """, Map.of("id", id))
                .list(r -> new DeclaredSkill(
                        r.get("name").asString(), r.get("level").asString())));
    }

    /** Stores a sign-in token (by its hash) for a person until {@code expiresAt}. */
    public void addToken(String personId, String tokenHash, String kind, Instant createdAt, Instant expiresAt) {
        sessions.add(personId, tokenHash, kind, createdAt, expiresAt);
    }

    /** The active person a live token belongs to. */
    public Optional<Person> personForToken(String tokenHash, Instant now) {
        return sessions.person(tokenHash, now);
    }

    public void removeToken(String tokenHash) {
        sessions.removeOne(tokenHash);
    }

    /** Stores a sign-in token, with where it was made from ({@code address}, {@code userAgent}, when known). */
    public void addToken(
            String personId,
            String tokenHash,
            String kind,
            Instant createdAt,
            Instant expiresAt,
            Optional<String> address,
            Optional<String> userAgent) {
        addToken(personId, tokenHash, kind, createdAt, expiresAt);
        if (address.isPresent() || userAgent.isPresent()) {
            touchToken(tokenHash, Optional.empty(), address, userAgent);
        }
    }

    /**
     * Notes a token's last use ({@code at}) and where from. Not counted as a change to people
     * ({@link #writes()}): nothing anyone caches depends on it.
     */
    public void touchToken(
            String tokenHash, Optional<Instant> at, Optional<String> address, Optional<String> userAgent) {
        sessions.touch(tokenHash, at, address, userAgent);
    }

    /** A person's live tokens, the most recently used (or made) first. */
    public List<TokenInfo> tokens(String personId, Instant now) {
        return sessions.list(personId, now);
    }

    /**
     * Removes a person's tokens: the one with {@code tokenId} ({@link TokenInfo#id}), or all of them
     * when empty, except the one whose hash is {@code keepHash}. Returns how many went.
     */
    public int removeTokens(String personId, Optional<String> tokenId, Optional<String> keepHash) {
        return sessions.remove(personId, tokenId, keepHash);
    }

    /** Removes every token whose kind starts with {@code prefix}; returns how many. */
    public int removeTokensOfKindPrefix(String prefix) {
        return sessions.removeOfKindPrefix(prefix);
    }

    /** Removes expired tokens; returns how many. */
    public int removeExpiredTokens(Instant now) {
        return sessions.removeExpired(now);
    }

    /** A person as the search index sees them, with their declared skills; deleted never happens. */
    public record IndexedPerson(Person person, List<String> skills, long seq) {}

    /** People changed after {@code sinceSeq}, in sequence order. */
    public List<IndexedPerson> changesSince(long sinceSeq, int limit) {
        return graph.read(tx -> {
            List<String> ids = ChangeSequence.keysChangedSince(tx, "Person", "id", sinceSeq, limit);
            return tx
                    .run(
                            "UNWIND $ids AS pid MATCH (p:Person {id: pid}) RETURN "
                                    + PERSON_COLUMNS
                                    + ", [(p)-[:HAS_SKILL]->(s:Skill) | s.name] AS skills, p.seq AS seq",
                            Map.of("ids", ids))
                    .list(r -> new IndexedPerson(
                            toPerson(r),
                            // by name: the graph keeps no order, and a restored store must index alike
                            r.get("skills").asList(v -> v.asString()).stream()
                                    .sorted(String.CASE_INSENSITIVE_ORDER)
                                    .toList(),
                            r.get("seq").asLong()))
                    .stream()
                    .sorted(java.util.Comparator.comparingLong(IndexedPerson::seq))
                    .toList();
        });
    }

    static Person toPerson(Record r) {
        return new Person(
                r.get("id").asString(),
                r.get("name").asString(),
                r.get("email").asString(""),
                r.get("team").asString(""),
                r.get("title").asString(""),
                r.get("role").asString(),
                r.get("active").asBoolean(),
                instant(r.get("joinedAt")));
    }

    /** A person's id and stored password hash. */
    public record Credentials(String personId, String passwordHash) {}
}
