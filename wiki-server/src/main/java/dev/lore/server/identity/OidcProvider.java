package dev.lore.server.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One OpenID Connect provider, through the Nimbus OAuth 2.0 SDK: its discovery document (fetched on
 * first use and kept once it answered, so Lore starts while the provider is down), the
 * authorization request (code flow with PKCE S256, state and nonce), the code exchange, and the ID
 * token's validation: signature against the provider's JWKS (cached; a key id it has not seen
 * makes it fetch the set again, which is how key rotation is followed), issuer, audience, expiry
 * and nonce. Only asymmetric signatures are accepted. Claims the ID token lacks come from the
 * UserInfo endpoint; signing out goes to the {@code end_session_endpoint}. Thread-safe.
 */
public final class OidcProvider {
    private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.copyOf(JWSAlgorithm.Family.SIGNATURE);

    private final IdentitySettings.Oidc settings;
    private final AtomicReference<Discovered> discovered = new AtomicReference<>();

    private record Discovered(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    public OidcProvider(IdentitySettings.Oidc settings) {
        this.settings = settings;
    }

    /** Connecting to the provider and waiting for its answer each may take this long. */
    private int timeoutMs() {
        return (int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis());
    }

    public String name() {
        return settings.providerName();
    }

    public String issuer() {
        return settings.issuer().toString();
    }

    /** Where to send the browser to sign in. */
    public URI authorizationRequest(URI redirectUri, String state, String nonce, String codeVerifier) {
        var metadata = discover().metadata();
        return new AuthenticationRequest.Builder(
                        ResponseType.CODE,
                        new Scope(settings.scopes().toArray(String[]::new)),
                        new ClientID(settings.clientId()),
                        redirectUri)
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(codeVerifier), CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** A redeemed code: the person's claims, and the ID token as sent (the hint for signing out). */
    public record Redeemed(JWTClaimsSet claims, String idToken) {}

    /**
     * Exchanges the code for tokens and returns the ID token's claims once its signature, issuer,
     * audience, times and nonce checked out, with the claims Lore uses that the ID token lacks read
     * from the provider's UserInfo endpoint (when it has one).
     */
    public Redeemed redeem(String code, URI redirectUri, String codeVerifier, String nonce) {
        var found = discover();
        var grant =
                new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri, new CodeVerifier(codeVerifier));
        var endpoint = found.metadata().getTokenEndpointURI();
        var clientId = new ClientID(settings.clientId());
        TokenRequest request;
        if (settings.clientSecret().isEmpty()) {
            request = new TokenRequest.Builder(endpoint, clientId, grant).build();
        } else if (postOnly(found.metadata())) {
            request = new TokenRequest.Builder(
                            endpoint, new ClientSecretPost(clientId, new Secret(settings.clientSecret())), grant)
                    .build();
        } else {
            request = new TokenRequest.Builder(
                            endpoint, new ClientSecretBasic(clientId, new Secret(settings.clientSecret())), grant)
                    .build();
        }
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(timeoutMs());
            http.setReadTimeout(timeoutMs());
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            LOG.warn("Company sign-in: the token endpoint of {} did not answer: {}", issuer(), e.toString());
            throw unreachable(e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            LOG.warn("Company sign-in: the token endpoint of {} answered nonsense: {}", issuer(), e.getMessage());
            throw new SignInFailure(
                    503, name() + " sent an answer Lore could not read (" + e.getMessage() + "). Try again later.", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            LOG.info("Company sign-in: {} refused the code: {} {}", issuer(), error.getCode(), error.getDescription());
            throw new SignInFailure(
                    400, name() + " did not accept this sign-in (" + describe(error) + "). Please start again.");
        }
        var tokens = ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
        JWT idToken = tokens.getIDToken();
        if (idToken == null) {
            throw new SignInFailure(401, name() + " sent no ID token; is the openid scope allowed for Lore?");
        }
        JWTClaimsSet claims;
        try {
            claims = found.validator().validate(idToken, new Nonce(nonce)).toJWTClaimsSet();
        } catch (BadJOSEException e) {
            LOG.warn("Company sign-in: rejected an ID token from {}: {}", issuer(), e.getMessage());
            throw new SignInFailure(401, "The ID token from " + name() + " was not accepted: " + reason(e) + ".", e);
        } catch (com.nimbusds.jose.KeySourceException e) {
            LOG.warn("Company sign-in: the keys of {} could not be fetched: {}", issuer(), e.toString());
            throw unreachable(e);
        } catch (JOSEException e) {
            LOG.warn("Company sign-in: could not check an ID token from {}: {}", issuer(), e.toString());
            throw new SignInFailure(401, "The ID token from " + name() + " could not be checked: " + e.getMessage(), e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new SignInFailure(401, "The ID token from " + name() + " is malformed: " + e.getMessage(), e);
        }
        return new Redeemed(withUserInfo(found.metadata(), tokens.getAccessToken(), claims), idToken.serialize());
    }

    /**
     * The ID token's claims, with those Lore uses but the ID token lacks taken from the UserInfo
     * endpoint (OpenID Connect Core 5.3). The ID token's own claims win; an answer about another
     * subject is refused, as the specification asks.
     */
    private JWTClaimsSet withUserInfo(OIDCProviderMetadata metadata, AccessToken accessToken, JWTClaimsSet claims) {
        URI endpoint = metadata.getUserInfoEndpointURI();
        boolean lacking = settings.claims().used().stream().anyMatch(n -> claims.getClaim(n) == null);
        if (endpoint == null || accessToken == null || !lacking) {
            return claims;
        }
        UserInfoResponse response;
        try {
            HTTPRequest http = new UserInfoRequest(endpoint, accessToken).toHTTPRequest();
            http.setConnectTimeout(timeoutMs());
            http.setReadTimeout(timeoutMs());
            response = UserInfoResponse.parse(http.send());
        } catch (IOException e) {
            LOG.warn("Company sign-in: the UserInfo endpoint of {} did not answer: {}", issuer(), e.toString());
            throw unreachable(e);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            LOG.warn("Company sign-in: the UserInfo endpoint of {} answered nonsense: {}", issuer(), e.getMessage());
            throw new SignInFailure(
                    503, name() + " sent an answer Lore could not read (" + e.getMessage() + "). Try again later.", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = response.toErrorResponse().getErrorObject();
            LOG.info("Company sign-in: {} refused UserInfo: {} {}", issuer(), error.getCode(), error.getDescription());
            throw new SignInFailure(
                    401, name() + " would not tell Lore who you are (UserInfo: " + describe(error) + ").");
        }
        UserInfo info = response.toSuccessResponse().getUserInfo();
        if (info == null) {
            LOG.info("Company sign-in: {} answers UserInfo as a JWT, which Lore does not read", issuer());
            return claims;
        }
        if (info.getSubject() == null || !info.getSubject().getValue().equals(claims.getSubject())) {
            throw new SignInFailure(
                    401, "The UserInfo answer from " + name() + " is about another person than the ID token (sub).");
        }
        var merged = new JWTClaimsSet.Builder(claims);
        info.toJSONObject().forEach((name, value) -> {
            if (claims.getClaim(name) == null) {
                merged.claim(name, value);
            }
        });
        return merged.build();
    }

    /**
     * Where to send the browser so the provider ends its own session too (RP-initiated logout),
     * coming back to {@code postLogout}; empty when the provider publishes no {@code
     * end_session_endpoint}.
     */
    public Optional<URI> signOutRequest(String idToken, URI postLogout) {
        URI endpoint = discover().metadata().getEndSessionEndpointURI();
        if (endpoint == null) {
            return Optional.empty();
        }
        JWT hint;
        try {
            hint = JWTParser.parse(idToken);
        } catch (java.text.ParseException e) {
            hint = null;
        }
        return Optional.of(
                new LogoutRequest(endpoint, hint, null, new ClientID(settings.clientId()), postLogout, null, null)
                        .toURI());
    }

    /** A person-readable reason for a rejected token, with the library's words after it. */
    static String reason(BadJOSEException e) {
        String m = String.valueOf(e.getMessage());
        String plain;
        if (m.contains("Expired JWT")) {
            plain = "it has expired";
        } else if (m.contains("audience")) {
            plain = "it was issued for another application (audience)";
        } else if (m.contains("nonce")) {
            plain = "it does not belong to this sign-in (nonce)";
        } else if (m.contains("issuer")) {
            plain = "it comes from another issuer";
        } else if (m.contains("signature") || m.contains("matching key") || m.contains("key(s)")) {
            plain = "its signature does not match the provider's published keys";
        } else if (m.contains("before use time") || m.contains("iat")) {
            plain = "it is not valid yet";
        } else {
            plain = "it failed validation";
        }
        return plain + " [" + m + "]";
    }

    private static String describe(ErrorObject error) {
        String code = String.valueOf(error.getCode());
        String description = error.getDescription();
        return description == null || description.isBlank() ? code : code + ": " + abbreviate(description);
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7e]", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "…" : printable;
    }

    private static boolean postOnly(OIDCProviderMetadata metadata) {
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        return methods != null
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
    }

    private SignInFailure unreachable(Exception cause) {
        return new SignInFailure(
                503,
                name() + " cannot be reached right now, so company sign-in is unavailable. Try again in a few"
                        + " minutes; the break-glass administrator can still sign in with a password.",
                cause);
    }

    /** The discovery document and a validator built from it; fetched until it answers once. */
    Discovered discover() {
        Discovered d = discovered.get();
        if (d != null) {
            return d;
        }
        synchronized (this) {
            d = discovered.get();
            if (d != null) {
                return d;
            }
            OIDCProviderMetadata metadata;
            try {
                metadata = OIDCProviderMetadata.resolve(new Issuer(settings.issuer()), timeoutMs(), timeoutMs());
            } catch (IOException | GeneralException e) {
                LOG.warn("Company sign-in: discovery at {} failed: {}", issuer(), e.toString());
                throw unreachable(e);
            }
            Set<JWSAlgorithm> algorithms = metadata.getIDTokenJWSAlgs() == null
                    ? Set.of(JWSAlgorithm.RS256)
                    : metadata.getIDTokenJWSAlgs().stream()
                            .filter(ASYMMETRIC::contains)
                            .collect(Collectors.toUnmodifiableSet());
            if (algorithms.isEmpty()) {
                throw new SignInFailure(
                        503,
                        name() + " signs ID tokens only with algorithms Lore does not accept: "
                                + metadata.getIDTokenJWSAlgs());
            }
            JWKSource<SecurityContext> keys;
            try {
                keys = JWKSourceBuilder.create(
                                metadata.getJWKSetURI().toURL(),
                                new DefaultResourceRetriever(timeoutMs(), timeoutMs(), 512 * 1024))
                        // an unknown key id fetches the set again at once: rotation needs no waiting
                        .rateLimited(false)
                        .refreshAheadCache(false)
                        .build();
            } catch (MalformedURLException | IllegalArgumentException | NullPointerException e) {
                throw new SignInFailure(503, name() + " publishes no usable jwks_uri in its discovery document", e);
            }
            var validator = new IDTokenValidator(
                    new Issuer(settings.issuer()),
                    new ClientID(settings.clientId()),
                    new JWSVerificationKeySelector<>(algorithms, keys),
                    null);
            d = new Discovered(metadata, validator);
            discovered.set(d);
            LOG.info("Company sign-in: using {} ({})", issuer(), name());
            return d;
        }
    }
}
