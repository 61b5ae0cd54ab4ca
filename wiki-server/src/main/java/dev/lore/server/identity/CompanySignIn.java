package dev.lore.server.identity;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.lore.graph.identity.ExternalProfile;
import dev.lore.graph.identity.IdentityStore;
import dev.lore.graph.identity.PendingSignIn;
import dev.lore.graph.identity.SignInOutcome;
import dev.lore.graph.person.Person;
import dev.lore.graph.person.PersonStore;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Tokens;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Company sign-in from start to session: remembers each sign-in in flight in the graph under its
 * state's hash (with the nonce, the PKCE verifier and where to go after), and on the provider's
 * answer takes it back exactly once, has the provider redeem the code and validate the ID token,
 * and finds, links or creates the person the claims describe (just-in-time people; see {@link
 * IdentityStore#signIn}) with their role from {@link RoleMapping}. Thread-safe.
 */
public final class CompanySignIn {
    private static final Logger LOG = LoggerFactory.getLogger(CompanySignIn.class);
    /** How long a person has at the provider before the sign-in must start again. */
    public static final Duration IN_FLIGHT = Duration.ofMinutes(10);

    private final OidcProvider provider;
    private final IdentitySettings.Oidc settings;
    private final IdentityStore identities;
    private final PersonStore people;
    private final AuthService auth;
    private final Tokens tokens;
    private final Runnable indexCatchUp;
    private final Clock clock;

    /** @param indexCatchUp told after a sign-in changed a person, so search shows them at once */
    public CompanySignIn(
            OidcProvider provider,
            IdentitySettings.Oidc settings,
            IdentityStore identities,
            PersonStore people,
            AuthService auth,
            Tokens tokens,
            Runnable indexCatchUp,
            Clock clock) {
        this.provider = provider;
        this.settings = settings;
        this.identities = identities;
        this.people = people;
        this.auth = auth;
        this.tokens = tokens;
        this.indexCatchUp = indexCatchUp;
        this.clock = clock;
    }

    /** Writes a refused company sign-in to the audit log. */
    public void refused(String reason, AuthService.Client client) {
        auth.audit()
                .record(
                        "sign-in-failed",
                        "unknown",
                        "anonymous",
                        Optional.of(providerName() + " from " + client.address() + ": " + reason));
    }

    public String providerName() {
        return provider.name();
    }

    /** A sign-in on its way: where to send the browser, and the state to bind to it (a cookie). */
    public record Started(URI redirect, String state) {}

    /** Starts a sign-in that comes back to {@code redirectUri} and then goes on to {@code next}. */
    public Started start(URI redirectUri, String next) {
        String state = tokens.newToken();
        String nonce = tokens.newToken();
        String verifier = tokens.newToken() + tokens.newToken(); // 86 characters; PKCE wants 43-128
        URI to = provider.authorizationRequest(redirectUri, state, nonce, verifier);
        Instant now = clock.instant();
        identities.startSignIn(
                hash(state),
                new PendingSignIn(nonce, verifier, redirectUri.toString(), next, now.plus(IN_FLIGHT)),
                now);
        return new Started(to, state);
    }

    /** A finished sign-in: the session token, whose it is, and where to go now. */
    public record Finished(AuthService.SignedIn session, String next) {}

    /**
     * Finishes the sign-in {@code state} names. {@code boundState} is the state this browser was
     * given when it started (its cookie): a callback with another state was not started here.
     */
    public Finished finish(String state, Optional<String> boundState, String code) {
        return finish(state, boundState, code, new AuthService.Client("unknown", Optional.empty()));
    }

    /** As above, noting where the browser signs in from on its session. */
    public Finished finish(String state, Optional<String> boundState, String code, AuthService.Client client) {
        if (state == null || state.isBlank()) {
            throw new SignInFailure(
                    400, "The answer from " + providerName() + " carries no state. Please start again.");
        }
        if (boundState.isEmpty()) {
            throw new SignInFailure(
                    400,
                    "This sign-in was not started in this browser, or took longer than " + IN_FLIGHT.toMinutes()
                            + " minutes. Please start again.");
        }
        if (!MessageDigest.isEqual(
                state.getBytes(StandardCharsets.UTF_8), boundState.get().getBytes(StandardCharsets.UTF_8))) {
            throw new SignInFailure(
                    400,
                    "The answer from " + providerName() + " does not belong to the sign-in this browser started"
                            + " (state mismatch). Please start again.");
        }
        PendingSignIn pending = identities
                .takeSignIn(hash(state), clock.instant())
                .orElseThrow(() ->
                        new SignInFailure(400, "This sign-in was already used or has expired. Please start again."));
        if (code == null || code.isBlank()) {
            throw new SignInFailure(400, "The answer from " + providerName() + " carries no code. Please start again.");
        }
        OidcProvider.Redeemed redeemed =
                provider.redeem(code, URI.create(pending.redirectUri()), pending.codeVerifier(), pending.nonce());
        Person person = signIn(redeemed.claims());
        auth.audit()
                .record("sign-in", person.id(), person.id(), Optional.of(providerName() + " from " + client.address()));
        AuthService.SignedIn session = auth.sessionFor(person, client);
        if (settings.providerLogout()) {
            identities.keepIdToken(hash(session.token()), redeemed.idToken());
        }
        return new Finished(session, pending.next());
    }

    /**
     * Where to send a browser whose company session {@code sessionToken} is ending, so that the
     * provider signs the person out too and sends them back to {@code postLogout}; empty for a
     * password session, with {@code LORE_OIDC_PROVIDER_LOGOUT=false}, when the provider has no
     * end_session_endpoint, or while it cannot be reached (Lore's own session ends either way).
     */
    public Optional<URI> signOut(String sessionToken, URI postLogout) {
        if (!settings.providerLogout()) {
            return Optional.empty();
        }
        Optional<String> idToken = identities.idToken(hash(sessionToken));
        if (idToken.isEmpty()) {
            return Optional.empty();
        }
        try {
            return provider.signOutRequest(idToken.get(), postLogout);
        } catch (SignInFailure e) {
            LOG.warn("Signing out at {} skipped: {}", providerName(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The person these validated claims describe, made or updated. */
    Person signIn(JWTClaimsSet claims) {
        var profile = profile(claims);
        List<String> groups = groups(claims);
        var roleChange = new java.util.concurrent.atomic.AtomicReference<Optional<String>>(Optional.empty());
        SignInOutcome outcome = identities.signIn(
                profile,
                (current, lastMapped) -> {
                    var choice = settings.roles().choose(groups, current, lastMapped);
                    roleChange.set(
                            current.filter(choice.role()::equals).isPresent()
                                    ? Optional.empty()
                                    : Optional.of(current.orElse("none") + " → " + choice.role()));
                    return choice;
                },
                clock.instant());
        switch (outcome.kind()) {
            case NEEDS_VERIFIED_EMAIL ->
                throw new SignInFailure(
                        403,
                        providerName() + " did not confirm your email address (email_verified), and Lore links a"
                                + " first sign-in to a person only by a confirmed email. Ask your administrator.");
            case INACTIVE -> {
                LOG.info(
                        "Company sign-in refused: {} was deactivated",
                        outcome.personId().orElse("?"));
                throw new SignInFailure(403, "Your Lore account was deactivated. Ask your administrator.");
            }
            case EMAIL_LINKED_ELSEWHERE ->
                throw new SignInFailure(
                        403,
                        "Your email address belongs to a Lore person already linked to another " + providerName()
                                + " account. Ask your administrator.");
            case SIGNED_IN -> {}
        }
        String id = outcome.personId().orElseThrow();
        if (!outcome.created()) {
            roleChange
                    .get()
                    .ifPresent(change -> auth.audit()
                            .record("role-change", id, "directory", Optional.of(change + " from groups " + groups)));
        }
        indexCatchUp.run();
        LOG.info(
                "Company sign-in: {}{}",
                id,
                outcome.created() ? " (new person)" : outcome.linked() ? " (linked by email)" : "");
        return people.find(id).orElseThrow();
    }

    ExternalProfile profile(JWTClaimsSet claims) {
        var names = settings.claims();
        String subject = claims.getSubject();
        Optional<String> email = text(claims, names.email()).filter(e -> e.contains("@"));
        Optional<String> verifiedEmail = email.filter(e -> emailVerified(claims));
        String username = text(claims, names.username()).orElse(email.orElse(""));
        return new ExternalProfile(
                provider.issuer(),
                subject,
                verifiedEmail,
                preferredId(username, email, subject),
                text(claims, names.name()).map(n -> cut(n, 120)).orElse(""),
                text(claims, names.team()).map(n -> cut(n, 120)).orElse(""),
                text(claims, names.title()).map(n -> cut(n, 120)).orElse(""));
    }

    private boolean emailVerified(JWTClaimsSet claims) {
        Object verified = claims.getClaim("email_verified");
        if (verified == null) {
            return settings.trustUnverifiedEmail();
        }
        return Boolean.TRUE.equals(verified) || "true".equalsIgnoreCase(verified.toString());
    }

    List<String> groups(JWTClaimsSet claims) {
        String name = settings.claims().groups();
        if (name.isEmpty()) {
            return List.of();
        }
        Object value = claims.getClaim(name);
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (value instanceof String s && !s.isBlank()) {
            return List.of(s.split("[,\\s]+"));
        }
        return List.of();
    }

    /** A person id from the username (its part before any {@code @}), else the email, else the subject. */
    public static String preferredId(String username, Optional<String> email, String subject) {
        for (String candidate : List.of(username, email.orElse(""))) {
            String local = candidate.contains("@") ? candidate.substring(0, candidate.indexOf('@')) : candidate;
            String id = local.toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9._-]+", "-")
                    .replaceAll("^[^a-z0-9]+", "")
                    .replaceAll("-+$", "");
            if (id.length() > 56) {
                id = id.substring(0, 56);
            }
            if (id.length() >= 2) {
                return id;
            }
        }
        return "user-" + hash(subject).substring(0, 10);
    }

    private static Optional<String> text(JWTClaimsSet claims, String name) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(claims.getStringClaim(name))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }

    private static String hash(String value) {
        return Tokens.hash(value);
    }
}
