package dev.lore.server.attachment;

import dev.lore.graph.attachment.Attachment;
import dev.lore.graph.attachment.AttachmentVersion;
import dev.lore.server.auth.Role;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.attachment.FileItem;
import dev.lore.ui.view.attachment.FileVersionItem;
import dev.lore.ui.view.attachment.PageFiles;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files of the page a request shows (an article, its editor, or a question with its answers),
 * for the page's Attachments section, as the reader may see them. Thread-safe.
 */
public final class AttachmentLists implements Pages.PageFilesSource {
    private final AttachmentService files;
    private final Clock clock;

    public AttachmentLists(AttachmentService files, Clock clock) {
        this.files = files;
        this.clock = clock;
    }

    @Override
    public Optional<PageFiles> of(Context ctx) {
        if (!ctx.method().name().equals("GET")) {
            return Optional.empty();
        }
        String path = ctx.path();
        String slug = ctx.pathParamMap().get("slug");
        String id = ctx.pathParamMap().get("id");
        if (slug != null && (path.equals("/wiki/" + slug) || path.equals("/wiki/" + slug + "/edit"))) {
            return Optional.of(list(ctx, "article", slug, path));
        }
        if (id != null && path.equals("/questions/" + id)) {
            return Optional.of(list(ctx, "question", id, path));
        }
        return Optional.empty();
    }

    private PageFiles list(Context ctx, String kind, String key, String path) {
        boolean champion = CurrentUser.atLeast(ctx, Role.CHAMPION);
        var own = new ArrayList<FileItem>();
        var answers = new LinkedHashMap<String, List<FileItem>>();
        List<Attachment> onPage = files.onPage(kind, key, champion);
        Map<String, List<dev.lore.graph.attachment.UsedOn>> used = files.usedOn(onPage);
        for (Attachment a : onPage) {
            FileItem item = item(a, champion, used.getOrDefault(a.id(), List.of()));
            if (a.page().kind().equals("answer")) {
                answers.computeIfAbsent(a.page().id(), k -> new ArrayList<>()).add(item);
            } else {
                own.add(item);
            }
        }
        return new PageFiles(kind, key, path, List.copyOf(own), Map.copyOf(answers));
    }

    /** Files no page shows or links, for champions, each with its page. */
    public dev.lore.ui.view.attachment.UnusedFilesView unused(int limit) {
        var unused = files.unused(limit).stream()
                .map(a -> new dev.lore.ui.view.attachment.UnusedFilesView.Unused(
                        item(a, true, List.of()),
                        a.page().title(),
                        a.page().kind().equals("article")
                                ? "/wiki/" + a.page().key()
                                : "/questions/" + a.page().key()))
                .toList();
        return new dev.lore.ui.view.attachment.UnusedFilesView(unused, limit);
    }

    private FileItem item(Attachment a, boolean champion, List<dev.lore.graph.attachment.UsedOn> usedOn) {
        String url = AttachmentRoutes.url(a);
        boolean thumb = files.hasThumbnail(a);
        String show = thumb
                ? "image"
                : a.type().startsWith("audio/") ? "audio" : a.type().startsWith("video/") ? "video" : "icon";
        List<FileVersionItem> older = a.version() <= 1
                ? List.of()
                : files.versions(a.id(), champion).stream()
                        .filter(v -> v.n() < a.version())
                        .sorted(Comparator.comparingInt(AttachmentVersion::n).reversed())
                        .map(v -> new FileVersionItem(
                                v.n(),
                                url + "?v=" + v.n(),
                                Blobs.humanSize(v.size()),
                                v.by().name(),
                                Pages.ago(v.at(), clock.instant())))
                        .toList();
        return new FileItem(
                a.id(),
                a.name(),
                a.type(),
                Blobs.humanSize(a.size()),
                url,
                show,
                thumb ? Optional.of("/thumbs/" + a.id() + "?v=" + a.version()) : Optional.empty(),
                icon(a.type(), a.name()),
                markdown(a, url),
                a.version(),
                a.by().id(),
                a.by().name(),
                Pages.ago(a.at(), clock.instant()),
                a.at().toString(),
                older,
                usedOn.stream()
                        .map(u -> new dev.lore.ui.view.attachment.FileUse(u.title(), u.path()))
                        .distinct()
                        .toList());
    }

    /** {@code ![name](url)} for an image, {@code [name](url)} for anything else. */
    static String markdown(Attachment a, String url) {
        String label = a.name().replaceAll("[\\[\\]\\\\]", "");
        return (a.type().startsWith("image/") ? "![" : "[") + label + "](" + url + ")";
    }

    /** A short label for a file without a thumbnail. */
    static String icon(String type, String name) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("application/pdf")) return "PDF";
        if (t.contains("wordprocessing") || t.contains("msword") || t.contains("opendocument.text")) return "DOC";
        if (t.contains("spreadsheet") || t.contains("excel") || t.equals("text/csv")) return "XLS";
        if (t.contains("presentation") || t.contains("powerpoint")) return "PPT";
        if (t.contains("zip") || t.contains("gzip")) return "ZIP";
        if (t.startsWith("image/")) return "IMG";
        if (t.startsWith("audio/")) return "AUD";
        if (t.startsWith("video/")) return "VID";
        if (t.startsWith("text/")) return "TXT";
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot + 1).toUpperCase(Locale.ROOT) : "";
        return ext.matches("[A-Z0-9]{1,4}") ? ext : "FILE";
    }
}
