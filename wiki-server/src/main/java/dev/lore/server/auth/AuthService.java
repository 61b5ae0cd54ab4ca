package dev.lore.server.auth;

import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.UnauthorizedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sign-in and tokens. A session (browser cookie) and an API token are the same kind of secret: a
 * random token whose SHA-256 is stored with the person in the graph, so sessions survive restarts
 * and work across replicas. Thread-safe.
 */
public final class AuthService {
    public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    public static final Duration API_TOKEN_LIFETIME = Duration.ofDays(365);

    private final PersonStore people;
    private final Passwords passwords;
    private final Tokens tokens;
    /**
     * How long a token's person is remembered between requests when nothing about people changed
     * on this server meanwhile: the bound on how late another server's change (a role, leaving
     * the company, a logout) is seen here.
     */
    public static final Duration REMEMBER = Duration.ofSeconds(5);

    private final Clock clock;
    private final LongSupplier changes;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Person person, long changes, Instant at) {}

    /**
     * {@code changes} moves whenever people, their roles, tokens or availability change; a token's
     * person is read again after any change, and at least every {@link #REMEMBER}.
     */
    public AuthService(PersonStore people, Passwords passwords, Tokens tokens, Clock clock, LongSupplier changes) {
        this.people = people;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock;
        this.changes = changes;
    }

    /** Checks a password and opens a session; the same answer for an unknown user and a wrong password. */
    public SignedIn login(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new UnauthorizedException("username and password are required");
        }
        var credentials = people.credentials(username.strip())
                .filter(c -> passwords.verify(password, c.passwordHash()))
                .orElseThrow(() -> new UnauthorizedException("unknown username or wrong password"));
        Person person = people.find(credentials.personId()).orElseThrow();
        String token = issue(person.id(), "session", SESSION_LIFETIME);
        return new SignedIn(token, person);
    }

    /** A long-lived token for scripts, shown once. */
    public String createApiToken(Person person) {
        return issue(person.id(), "api", API_TOKEN_LIFETIME);
    }

    public void logout(String token) {
        String hash = Tokens.hash(token);
        people.removeToken(hash);
        remembered.remove(hash);
    }

    /**
     * The active person a live token belongs to. Every request asks, so the answer is remembered
     * for up to {@link #REMEMBER} while nothing about people changes.
     */
    public Optional<Person> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        long version = changes.getAsLong();
        Remembered r = remembered.get(hash);
        if (r != null && r.changes() == version && !now.isBefore(r.at()) && now.isBefore(r.at().plus(REMEMBER))) {
            return Optional.of(r.person());
        }
        Optional<Person> person = people.personForToken(hash, now);
        if (person.isPresent()) {
            if (remembered.size() >= 10_000) {
                remembered.clear();
            }
            remembered.put(hash, new Remembered(person.get(), version, now));
        } else {
            remembered.remove(hash);
        }
        return person;
    }

    /** Throws unless someone is signed in with at least {@code role}. */
    public static Person require(Optional<Person> person, Role role) {
        Person p = person.orElseThrow(() -> new UnauthorizedException("sign in first"));
        if (!roleOf(p).atLeast(role)) {
            throw new ForbiddenException("this needs the " + role.id() + " role; you are " + p.role());
        }
        return p;
    }

    public static Role roleOf(Person person) {
        try {
            return Role.parse(person.role());
        } catch (RuntimeException e) {
            return Role.READER;
        }
    }

    private String issue(String personId, String kind, Duration lifetime) {
        String token = tokens.newToken();
        Instant now = clock.instant();
        people.addToken(personId, Tokens.hash(token), kind, now, now.plus(lifetime));
        return token;
    }

    /** A fresh session: the secret token and whose it is. */
    public record SignedIn(String token, Person person) {}
}
