package dev.lore.ui.view.notify;

import java.util.List;
import java.util.Optional;

/**
 * The webhook admin page: the hooks, the form to register one (with the event kinds to pick from),
 * the secret of a hook just registered (shown this once), or why registering failed with what was
 * typed kept.
 */
public record WebhooksView(
        List<WebhookRow> hooks,
        List<String> kinds,
        Optional<WebhookRow> created,
        Optional<String> secret,
        Optional<String> error,
        String url,
        List<String> picked) {}
