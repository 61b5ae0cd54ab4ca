package dev.lore.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.oauth2.sdk.TokenRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponseKt;
import no.nav.security.mock.oauth2.http.Route;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.KeyProvider;
import no.nav.security.mock.oauth2.token.OAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * A real OpenID provider for the tests (mock-oauth2-server: discovery, JWKS, the authorization code
 * flow with PKCE), one per test JVM, whose signing keys a test can rotate or swap for one it does
 * not publish. Issuer id {@value #ISSUER_ID}; Lore's client id {@value #CLIENT_ID}.
 */
final class TestProvider {
    static final String ISSUER_ID = "acme";
    static final String CLIENT_ID = "lore";
    private static TestProvider instance;

    private final MockOAuth2Server server;
    private final Keys keys = new Keys();
    private final Answer answer = new Answer();
    private final UserInfoAnswer userInfo = new UserInfoAnswer(keys, new AtomicReference<>());

    private TestProvider() {
        server = new MockOAuth2Server(
                new OAuth2Config(false, null, null, false, new OAuth2TokenProvider(keys), Set.of(answer)),
                new PublishedKeys(keys),
                userInfo);
        server.start();
    }

    static synchronized TestProvider get() {
        if (instance == null) {
            instance = new TestProvider();
            Runtime.getRuntime()
                    .addShutdownHook(Thread.ofPlatform()
                            .name("test-oidc-provider-shutdown")
                            .unstarted(instance.server::shutdown));
        }
        return instance;
    }

    URI issuer() {
        return URI.create(server.issuerUrl(ISSUER_ID).toString());
    }

    /** The next token request answers for this person: subject and claims. */
    void next(String subject, Map<String, Object> claims) {
        next(subject, claims, 3600);
    }

    /** As {@link #next(String, Map)}, the tokens expiring {@code expirySeconds} from now (negative: already). */
    void next(String subject, Map<String, Object> claims, long expirySeconds) {
        answer.next.set(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, expirySeconds));
    }

    /** Starts signing with a new key under a new key id, and publishes only that one. */
    void rotate() {
        var key = Keys.newKey("key-" + Keys.serial.incrementAndGet());
        keys.signing.set(key);
        keys.published.set(key);
    }

    /** Signs with a key under the published key id that is not the published key (a forgery). */
    void signWithUnpublishedKey() {
        keys.signing.set(Keys.newKey(keys.published.get().getKeyID()));
    }

    /**
     * The UserInfo endpoint answers with these claims (and the access token's subject) instead of
     * the access token's own claims, until {@link #reset}.
     */
    void userInfo(Map<String, Object> claims) {
        userInfo.claims.set(Map.copyOf(claims));
    }

    /** Signs and publishes one key again, and answers with a nameless person until told otherwise. */
    void reset() {
        keys.signing.set(keys.published.get());
        answer.next.set(new DefaultOAuth2TokenCallback(ISSUER_ID));
        userInfo.claims.set(null);
    }

    /** Who the provider says signed in: whoever the test set last (not a queue, so nothing carries over). */
    private static final class Answer implements OAuth2TokenCallback {
        final AtomicReference<DefaultOAuth2TokenCallback> next =
                new AtomicReference<>(new DefaultOAuth2TokenCallback(ISSUER_ID));

        @Override
        public String issuerId() {
            return ISSUER_ID;
        }

        @Override
        public String subject(TokenRequest request) {
            return next.get().subject(request);
        }

        @Override
        public String typeHeader(TokenRequest request) {
            return next.get().typeHeader(request);
        }

        @Override
        public List<String> audience(TokenRequest request) {
            return next.get().audience(request);
        }

        @Override
        public Map<String, Object> addClaims(TokenRequest request) {
            return next.get().addClaims(request);
        }

        @Override
        public long tokenExpiry() {
            return next.get().tokenExpiry();
        }
    }

    /** Keys the provider signs with, and the set it publishes at its jwks_uri. */
    static final class Keys extends KeyProvider {
        static final AtomicInteger serial = new AtomicInteger();
        final AtomicReference<RSAKey> signing = new AtomicReference<>();
        final AtomicReference<RSAKey> published = new AtomicReference<>();

        Keys() {
            super(List.of(), "RS256");
            var key = newKey("key-" + serial.incrementAndGet());
            signing.set(key);
            published.set(key);
        }

        static RSAKey newKey(String keyId) {
            try {
                return new RSAKeyGenerator(2048).keyID(keyId).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public JWK signingKey(String issuerId) {
            return signing.get();
        }
    }

    /**
     * The provider's UserInfo endpoint, in place of the server's own (which checks access tokens
     * against keys of its own, not {@link Keys}): checks the bearer access token's signature and
     * answers with its claims, as the server's does, or with its subject and the claims a test
     * gave.
     */
    private record UserInfoAnswer(Keys keys, AtomicReference<Map<String, Object>> claims) implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getMethod().equals("GET")
                    && request.getUrl().encodedPath().endsWith("/userinfo");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            String header = String.valueOf(request.getHeaders().get("Authorization"));
            try {
                var token = com.nimbusds.jwt.SignedJWT.parse(header.substring("Bearer ".length()));
                if (!token.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                        keys.signing.get().toRSAPublicKey()))) {
                    throw new IllegalArgumentException("not signed by the provider");
                }
                var body = new java.util.HashMap<String, Object>();
                Map<String, Object> given = claims.get();
                if (given == null) {
                    body.putAll(token.getJWTClaimsSet().toJSONObject());
                } else {
                    body.put("sub", token.getJWTClaimsSet().getSubject());
                    body.putAll(given);
                }
                return OAuth2HttpResponseKt.json(body);
            } catch (java.text.ParseException | JOSEException | RuntimeException e) {
                return new OAuth2HttpResponse(
                        okhttp3.Headers.of("WWW-Authenticate", "Bearer error=\"invalid_token\""), 401, null, null);
            }
        }
    }

    /** Serves the published keys at any {@code .../jwks}, in place of the server's own. */
    private record PublishedKeys(Keys keys) implements Route {
        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getMethod().equals("GET")
                    && request.getUrl().encodedPath().endsWith("/jwks");
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return OAuth2HttpResponseKt.json(new JWKSet(keys.published.get()).toJSONObject(true));
        }
    }
}
