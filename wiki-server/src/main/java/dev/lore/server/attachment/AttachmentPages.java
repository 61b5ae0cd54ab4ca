package dev.lore.server.attachment;

import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.server.web.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /curation/files}: the files no page shows or links, for champions to tidy up (the
 * page of {@code GET /api/admin/files/unused}), each with the page it is attached to.
 */
public final class AttachmentPages {
    private final AttachmentLists lists;
    private final Pages pages;

    public AttachmentPages(AttachmentLists lists, Pages pages) {
        this.lists = lists;
        this.pages = pages;
    }

    public void register(RoutesConfig routes) {
        routes.get("/curation/files", this::unused);
    }

    private void unused(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        int limit = Requests.intQuery(ctx, "limit", 200, 1, 1_000);
        pages.render(ctx, "attachment/unused.jte", "Files no page uses", lists.unused(limit));
    }
}
