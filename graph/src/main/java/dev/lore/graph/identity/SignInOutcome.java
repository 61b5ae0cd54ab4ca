package dev.lore.graph.identity;

import java.util.Optional;

/**
 * What a company sign-in came to in the graph.
 *
 * @param personId the person signed in (or refused, for {@link Kind#INACTIVE})
 * @param created whether the person was made by this sign-in
 * @param linked whether this sign-in linked the identity to a person (new or found by email)
 */
public record SignInOutcome(Kind kind, Optional<String> personId, boolean created, boolean linked) {
    public enum Kind {
        /** Signed in. */
        SIGNED_IN,
        /** Not linked yet, and the provider does not vouch for an email to link or create by. */
        NEEDS_VERIFIED_EMAIL,
        /** The person was deactivated. */
        INACTIVE,
        /** The email belongs to a person already linked to another account of this provider. */
        EMAIL_LINKED_ELSEWHERE
    }

    static SignInOutcome refused(Kind kind, Optional<String> personId) {
        return new SignInOutcome(kind, personId, false, false);
    }
}
