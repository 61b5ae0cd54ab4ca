package dev.lore.server.auth;

import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.TooManyAttemptsException;
import dev.lore.server.error.UnauthorizedException;
import dev.lore.server.seed.SeedPack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Sign-in and tokens. A session (browser cookie) and an API token are the same kind of secret: a
 * random token whose SHA-256 is stored with the person in the graph, so sessions survive restarts
 * and work across replicas. Thread-safe.
 */
public final class AuthService {
    public static final Duration SESSION_LIFETIME = Duration.ofDays(14);
    public static final Duration API_TOKEN_LIFETIME = Duration.ofDays(365);
    private static final String DEMO_TOKEN_PREFIX = "demo-";

    private final PersonStore people;
    private final Passwords passwords;
    private final Tokens tokens;
    private final LoginThrottle throttle;
    private final boolean demo;
    /** Checked when there is no stored hash, so an unknown name costs as much as a wrong password. */
    /** Checked when there is no hash to check, so unknown users cost what known ones do; made beside the start. */
    private final dev.lore.server.ops.Prepared<String> dummyHash;
    /** Start-up checks that sign-ins and credentials wait for (revoking what a demo handed out). */
    private volatile java.util.concurrent.Future<?> startUpChecks =
            java.util.concurrent.CompletableFuture.completedFuture(null);
    /**
     * How long a token's person is remembered between requests when nothing changed meanwhile
     * (on this server, or in the graph's version, which other servers' writes move).
     */
    public static final Duration REMEMBER = Duration.ofSeconds(5);

    private final Clock clock;
    private final LongSupplier changes;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    /** Whose passwords sign in (by person id): everyone's, or the break-glass admin's only. */
    private final Predicate<String> passwordSignIn;

    private final AuthAudit audit;

    public AuthAudit audit() {
        return audit;
    }

    private record Remembered(Person person, long changes, Instant at) {}

    /**
     * {@code changes} moves whenever people, their roles, tokens or availability change; a token's
     * person is read again after any change, and at least every {@link #REMEMBER}.
     *
     * @param demo whether the published {@link SeedPack#DEMO_PASSWORD} signs in (demo mode); when
     *     false it never does, whoever's password it is
     */
    public AuthService(
            PersonStore people,
            Passwords passwords,
            Tokens tokens,
            LoginThrottle throttle,
            boolean demo,
            Clock clock,
            LongSupplier changes) {
        this(people, passwords, tokens, throttle, demo, clock, changes, id -> true);
    }

    /**
     * As above; {@code passwordSignIn} says whose passwords work (by person id), so that with
     * company sign-in only the break-glass admin keeps one. Anyone else's password fails like a
     * wrong one.
     */
    public AuthService(
            PersonStore people,
            Passwords passwords,
            Tokens tokens,
            LoginThrottle throttle,
            boolean demo,
            Clock clock,
            LongSupplier changes,
            Predicate<String> passwordSignIn) {
        this(people, passwords, tokens, throttle, demo, clock, changes, passwordSignIn, AuthAudit.NONE);
    }

    /** As above, writing sign-ins, sign-outs and token changes to {@code audit}. */
    public AuthService(
            PersonStore people,
            Passwords passwords,
            Tokens tokens,
            LoginThrottle throttle,
            boolean demo,
            Clock clock,
            LongSupplier changes,
            Predicate<String> passwordSignIn,
            AuthAudit audit) {
        this.audit = audit;
        this.passwordSignIn = passwordSignIn;
        this.people = people;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = throttle;
        this.demo = demo;
        this.clock = clock;
        this.changes = changes;
        String dummyPassword = tokens.newToken();
        this.dummyHash =
                dev.lore.server.ops.Prepared.inBackground("lore-dummy-hash", () -> passwords.hash(dummyPassword));
    }

    /**
     * Checks a password and opens a session. An unknown user, a person without a password or who
     * left, and a wrong password get the same answer after the same work (one hash check). Repeated
     * failures for the account or from {@code clientAddress} lock them for a while ({@link
     * LoginThrottle}): then the answer is {@link TooManyAttemptsException}, even for the right
     * password.
     */
    public SignedIn login(String username, String password, String clientAddress) {
        return login(username, password, new Client(clientAddress, Optional.empty()));
    }

    /** As above, noting the browser or program ({@code client}) on the session. */
    public SignedIn login(String username, String password, Client client) {
        awaitStartUpChecks();
        String clientAddress = client.address();
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new UnauthorizedException("username and password are required");
        }
        var credentials = people.credentials(username.strip());
        // an id and an email of one person share a count: typing the other does not double the guesses
        var attempt = LoginThrottle.attempt(
                credentials.map(PersonStore.Credentials::personId).orElse(username), clientAddress);
        String who = credentials.map(PersonStore.Credentials::personId).orElse(username.strip());
        String from = "password from " + clientAddress;
        try {
            throttle.check(attempt);
        } catch (TooManyAttemptsException e) {
            audit.record("sign-in-throttled", who, "anonymous", Optional.of(from));
            throw e;
        }
        boolean matches = passwords.verify(
                password, credentials.map(PersonStore.Credentials::passwordHash).orElseGet(dummyHash));
        boolean allowed = (demo || !SeedPack.DEMO_PASSWORD.equals(password))
                && credentials.map(c -> passwordSignIn.test(c.personId())).orElse(false);
        if (credentials.isEmpty() || !matches || !allowed) {
            throttle.failed(attempt);
            audit.record(
                    "sign-in-failed",
                    who,
                    "anonymous",
                    Optional.of(from + (credentials.isEmpty() ? ": unknown account" : ": wrong password")));
            throw new UnauthorizedException("unknown username or wrong password");
        }
        throttle.succeeded(attempt);
        audit.record("sign-in", who, who, Optional.of(from));
        Person person = people.find(credentials.get().personId()).orElseThrow();
        String token = issue(person.id(), kind("session"), SESSION_LIFETIME, Optional.of(client));
        return new SignedIn(token, person);
    }

    /** A session for someone who signed in elsewhere (their company account): no password involved. */
    public SignedIn sessionFor(Person person) {
        return new SignedIn(issue(person.id(), kind("session"), SESSION_LIFETIME, Optional.empty()), person);
    }

    /** As above, noting where the sign-in came from. */
    public SignedIn sessionFor(Person person, Client client) {
        return new SignedIn(issue(person.id(), kind("session"), SESSION_LIFETIME, Optional.of(client)), person);
    }

    /** A long-lived token for scripts, shown once. */
    public String createApiToken(Person person) {
        return issue(person.id(), kind("api"), API_TOKEN_LIFETIME, Optional.empty());
    }

    /** As above, noting where it was asked for. */
    public String createApiToken(Person person, Client client) {
        String token = issue(person.id(), kind("api"), API_TOKEN_LIFETIME, Optional.of(client));
        audit.record("token-create", person.id(), person.id(), Optional.of("API token " + tokenId(token)));
        return token;
    }

    /** How often a token's last use is written down (per token and server): at most once a minute. */
    public static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final Map<String, Instant> touched = new ConcurrentHashMap<>();

    /**
     * Notes that a live token was used now from {@code client}; written to the graph at most every
     * {@link #TOUCH_EVERY} per token, so requests do not each write.
     */
    public void used(String token, Client client) {
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        Instant last = touched.get(hash);
        if (last != null && !now.isBefore(last) && now.isBefore(last.plus(TOUCH_EVERY))) {
            return;
        }
        if (touched.size() >= 10_000) {
            touched.clear();
        }
        touched.put(hash, now);
        people.touchToken(hash, Optional.of(now), Optional.of(client.address()), client.userAgent());
    }

    /** A person's live sessions and API tokens. */
    public java.util.List<dev.lore.graph.person.TokenInfo> tokensOf(String personId) {
        return people.tokens(personId, clock.instant());
    }

    /**
     * Revokes one of a person's tokens ({@code tokenId}) or, when empty, all of them except the
     * token {@code keep} (the caller's own session, when they revoke their other ones). Returns how
     * many went; they stop working at once on this server and on every other sharing the database (revoking
     * moves the graph's version, which {@code changes} includes).
     */
    public int revoke(String personId, Optional<String> tokenId, Optional<String> keep) {
        int n = people.removeTokens(personId, tokenId, keep.map(Tokens::hash));
        remembered.clear();
        return n;
    }

    /** The token's id as {@link #tokensOf} shows it. */
    public static String tokenId(String token) {
        return dev.lore.graph.person.TokenInfo.idOf(Tokens.hash(token));
    }

    /** Where a request came from: its address and, when sent, its {@code User-Agent}. */
    public record Client(String address, Optional<String> userAgent) {}

    /** Tokens issued in demo mode say so, and a start without demo mode revokes them. */
    private String kind(String kind) {
        return demo ? DEMO_TOKEN_PREFIX + kind : kind;
    }

    /**
     * Makes sign-ins and credentials wait for {@code checks}: a server that answers while its
     * start-up checks still run (they revoke sessions and tokens a demo handed out) accepts none
     * before they are done. A failed check makes them answer 503.
     */
    public void waitFor(java.util.concurrent.Future<?> checks) {
        this.startUpChecks = checks;
    }

    private void awaitStartUpChecks() {
        var checks = startUpChecks;
        if (checks.state() == java.util.concurrent.Future.State.SUCCESS) {
            return;
        }
        try {
            checks.get(START_UP_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.lore.graph.GraphUnavailableException("interrupted while Lore was starting", e);
        } catch (java.util.concurrent.ExecutionException
                | java.util.concurrent.TimeoutException
                | java.util.concurrent.CancellationException e) {
            throw new dev.lore.graph.GraphUnavailableException("Lore's start-up checks did not finish", e);
        }
    }

    /** How long a sign-in waits for the start-up checks before answering 503. */
    private static final Duration START_UP_WAIT = Duration.ofSeconds(30);

    /** Revokes every token issued in demo mode; returns how many. */
    public int revokeDemoTokens() {
        return people.removeTokensOfKindPrefix(DEMO_TOKEN_PREFIX);
    }

    public void logout(String token) {
        String hash = Tokens.hash(token);
        people.personForToken(hash, clock.instant())
                .ifPresent(p -> audit.record("sign-out", p.id(), p.id(), Optional.of("session " + tokenId(token))));
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
        awaitStartUpChecks();
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

    private String issue(String personId, String kind, Duration lifetime, Optional<Client> client) {
        String token = tokens.newToken();
        Instant now = clock.instant();
        people.addToken(
                personId,
                Tokens.hash(token),
                kind,
                now,
                now.plus(lifetime),
                client.map(Client::address),
                client.flatMap(Client::userAgent));
        return token;
    }

    /** A fresh session: the secret token and whose it is. */
    public record SignedIn(String token, Person person) {}
}
