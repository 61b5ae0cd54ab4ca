package dev.lore.ui.view.audit;

import java.util.List;

/**
 * The audit log for admins: the newest events matching the filter ({@code action}, {@code person};
 * empty for all), the actions there are to choose from, and the CSV download of the same events.
 */
public record AuditView(List<Row> rows, List<String> actions, String action, String person, int limit, String csvLink) {
    /** One event: when (UTC), what, about whom, by whom, and the detail. */
    public record Row(String at, String action, String target, String actor, String actorName, String detail) {}
}
