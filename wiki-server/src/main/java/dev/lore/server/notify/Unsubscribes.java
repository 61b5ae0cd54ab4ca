package dev.lore.server.notify;

import dev.lore.server.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed unsubscribe tokens for email links: the person's id and an HMAC-SHA256 over it with a
 * secret all servers share, so a link works without signing in and cannot be forged for someone
 * else. Thread-safe.
 */
public final class Unsubscribes {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private final java.util.function.Supplier<String> source;
    private volatile byte[] secret;

    public Unsubscribes(String secret) {
        this(() -> secret);
    }

    /**
     * With the secret read from {@code source} when a token is first made or checked (it is kept in
     * the graph for every server to share; a start need not wait for that read).
     */
    public Unsubscribes(java.util.function.Supplier<String> source) {
        this.source = source;
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            synchronized (this) {
                if (secret == null) {
                    secret = source.get().getBytes(StandardCharsets.UTF_8);
                }
                known = secret;
            }
        }
        return known;
    }

    public String tokenFor(String personId) {
        return ENCODER.encodeToString(personId.getBytes(StandardCharsets.UTF_8)) + "." + signature(personId);
    }

    /** The person a token was made for; a 400 when it is not a valid token. */
    public String personOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            throw invalid();
        }
        String person;
        try {
            person = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        byte[] expected = signature(person).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid();
        }
        return person;
    }

    private String signature(String personId) {
        return ENCODER.encodeToString(hmac(secret(), ("unsubscribe:" + personId).getBytes(StandardCharsets.UTF_8)));
    }

    /** HMAC-SHA256 of {@code body} with {@code key}. */
    static byte[] hmac(byte[] key, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException(
                "this unsubscribe link is not valid; sign in and change your notification preferences instead");
    }
}
