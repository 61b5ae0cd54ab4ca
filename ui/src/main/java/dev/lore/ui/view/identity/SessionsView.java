package dev.lore.ui.view.identity;

import java.util.List;
import java.util.Optional;

/**
 * A person's sessions and API tokens with revoke forms: their own ({@code self}) or, for an admin,
 * anyone's. {@code action} is where the revoke forms post.
 */
public record SessionsView(
        String personId, String personName, boolean self, List<Row> rows, String action, Optional<String> notice) {
    /** One session or token; times relative, {@code current} for the one this page was asked with. */
    public record Row(
            String id,
            String kind,
            String created,
            String lastUsed,
            String expires,
            String address,
            String userAgent,
            boolean current) {}
}
