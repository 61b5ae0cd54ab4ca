package dev.lore.ui.view.curation;

import java.util.Optional;

/**
 * An article's verification line: {@code verified} is relative ("3 weeks ago"), empty when never;
 * {@code stale} when past its review date {@code due}; {@code canVerify} shows the button.
 */
public record VerificationView(
        Optional<String> verified, Optional<PersonRef> verifiedBy, boolean stale, String due, boolean canVerify) {
    /** A person linked by id. */
    public record PersonRef(String id, String name) {}
}
