package dev.lore.graph.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a provider says someone is. {@code issuer} and {@code subject} name them for good; the rest
 * may change between sign-ins. Blank fields are left alone on people who exist.
 *
 * @param verifiedEmail the email, when the provider vouches for it (the only email used to link
 *     an existing person or stored)
 * @param preferredId the person id to try for someone new (made unique with a suffix)
 */
public record ExternalProfile(
        String issuer,
        String subject,
        Optional<String> verifiedEmail,
        String preferredId,
        String name,
        String team,
        String title) {
    public ExternalProfile {
        Objects.requireNonNull(issuer, "issuer must not be null");
        Objects.requireNonNull(subject, "subject must not be null");
        Objects.requireNonNull(verifiedEmail, "verifiedEmail must not be null");
        Objects.requireNonNull(preferredId, "preferredId must not be null");
        name = Objects.requireNonNullElse(name, "");
        team = Objects.requireNonNullElse(team, "");
        title = Objects.requireNonNullElse(title, "");
    }

    /** The key an identity is stored under. */
    public String key() {
        return issuer + "|" + subject;
    }
}
