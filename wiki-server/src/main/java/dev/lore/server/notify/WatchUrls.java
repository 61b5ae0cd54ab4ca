package dev.lore.server.notify;

import dev.lore.graph.notify.WatchKind;
import dev.lore.ui.Urls;

/** Where a watchable thing's page is. */
final class WatchUrls {
    private WatchUrls() {}

    static String of(WatchKind kind, String key) {
        String k = Urls.encode(key);
        return switch (kind) {
            case ARTICLE -> "/wiki/" + k;
            case QUESTION -> "/questions/" + k;
            case SKILL -> "/skills/" + k;
            case PATH -> "/paths/" + k;
            case PERSON -> "/people/" + k;
        };
    }
}
