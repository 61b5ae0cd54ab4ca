package dev.lore.server.notify;

import dev.lore.graph.notify.Subject;
import dev.lore.graph.notify.WatchKind;
import dev.lore.server.error.LoreException;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.notify.WatchButton;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The unread count and Watch button every page's chrome shows, from the request's path. */
public final class NotifyChrome implements Pages.Chrome {
    private static final Map<Pattern, WatchKind> PAGES = Map.of(
            Pattern.compile("/wiki/[^/]+"), WatchKind.ARTICLE,
            Pattern.compile("/questions/[^/]+"), WatchKind.QUESTION,
            Pattern.compile("/skills/[^/]+"), WatchKind.SKILL,
            Pattern.compile("/paths/[^/]+"), WatchKind.PATH,
            Pattern.compile("/people/[^/]+"), WatchKind.PERSON);
    private static final Map<WatchKind, String> PARAMS = Map.of(
            WatchKind.ARTICLE, "slug",
            WatchKind.QUESTION, "id",
            WatchKind.SKILL, "name",
            WatchKind.PATH, "id",
            WatchKind.PERSON, "id");

    private final NotificationService service;

    public NotifyChrome(NotificationService service) {
        this.service = service;
    }

    @Override
    public int unread(String personId) {
        return service.unread(personId);
    }

    @Override
    public Optional<WatchButton> watch(Context ctx, String personId) {
        String path = ctx.path();
        for (var page : PAGES.entrySet()) {
            if (page.getKey().matcher(path).matches()) {
                WatchKind kind = page.getValue();
                String target = ctx.pathParamMap().get(PARAMS.get(kind));
                if (target == null || target.equals("new")) {
                    return Optional.empty();
                }
                try {
                    Subject subject = NotificationService.subject(kind.id(), target);
                    return Optional.of(
                            new WatchButton(kind.id(), subject.key(), service.watches(personId, subject), path));
                } catch (LoreException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
