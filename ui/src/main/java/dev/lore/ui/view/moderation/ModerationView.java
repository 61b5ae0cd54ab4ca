package dev.lore.ui.view.moderation;

import java.util.List;

/**
 * The champions' review queue: flagged content with its flags, the recent audit log, and what is
 * hidden now (to restore).
 */
public record ModerationView(List<Item> queue, List<Event> audit, List<HiddenRow> hidden) {
    /** Flagged content; {@code reasons} reads like "spam ×2, wrong ×1". */
    public record Item(
            String kind,
            String target,
            String title,
            String link,
            boolean hidden,
            int count,
            String reasons,
            List<FlagRow> flags) {}

    /** One flag: who, why, when (relative). */
    public record FlagRow(String id, String byId, String byName, String reason, String note, String when) {}

    /** One audit event: {@code when} relative, {@code at} ISO for {@code <time>}. */
    public record Event(
            String action,
            String kind,
            String target,
            String actorId,
            String actorName,
            String reason,
            String when,
            String at) {}

    /** Hidden content: {@code link} is present when a champion can open its page; {@code when} relative. */
    public record HiddenRow(
            String kind,
            String target,
            String title,
            String excerpt,
            java.util.Optional<String> link,
            String byName,
            String reason,
            String when) {}
}
