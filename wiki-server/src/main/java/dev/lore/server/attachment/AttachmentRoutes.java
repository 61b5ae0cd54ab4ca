package dev.lore.server.attachment;

import dev.lore.graph.attachment.Attachment;
import dev.lore.graph.attachment.AttachmentVersion;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.web.CurrentUser;
import dev.lore.ui.Urls;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Attachments over HTTP: upload ({@code POST /api/files}, multipart, or {@code POST /files} from
 * the page's plain form, which goes back to the page), new versions, listing a page's files, and
 * the bytes themselves at {@code /files/{id}/{name}} with their stored type, an ETag, a
 * Content-Disposition, {@code nosniff} and a sandboxing CSP, and single-range requests (206) for
 * seeking in audio and video.
 */
public final class AttachmentRoutes {
    /** No script, no plugins, no forms, whatever the bytes are; a page may still embed the file as an image or media. */
    static final String FILE_CSP =
            "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox";

    private final AttachmentService files;
    private final long maxFileBytes;

    public AttachmentRoutes(AttachmentService files) {
        this.files = files;
        this.maxFileBytes = files.maxFileBytes();
    }

    /** Whom an upload to a page is credited to (a team's voice on a lesson its author shared for the team). */
    @FunctionalInterface
    public interface Uploaders {
        Uploaders SELF = (kind, key, personId) -> personId;

        String uploader(String kind, String key, String personId);
    }

    private Uploaders uploaders = Uploaders.SELF;

    public AttachmentRoutes withUploaders(Uploaders uploaders) {
        this.uploaders = uploaders;
        return this;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/files", ctx -> upload(ctx, true));
        routes.post("/files", ctx -> upload(ctx, false));
        routes.post("/api/files/{id}", this::replace);
        routes.get("/api/files/{id}", this::describe);
        routes.delete("/api/files/{id}", this::delete);
        routes.get(
                "/api/articles/{slug}/files",
                ctx -> ctx.json(Map.of("files", json(files.onPage("article", ctx.pathParam("slug"), champion(ctx))))));
        routes.get(
                "/api/questions/{id}/files",
                ctx -> ctx.json(Map.of("files", json(files.onPage("question", ctx.pathParam("id"), champion(ctx))))));
        routes.get("/files/{id}", this::serve);
        routes.get("/files/{id}/{name}", this::serve);
        routes.get("/thumbs/{id}", this::thumbnail);
        routes.get("/api/admin/files/unused", this::unused);
        routes.post("/api/admin/files/gc", this::collect);
    }

    /** Files no page shows or links, for champions; {@code limit} at most 1,000. */
    private void unused(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        int limit = dev.lore.server.web.Requests.intQuery(ctx, "limit", 200, 1, 1_000);
        ctx.json(Map.of("files", json(files.unused(limit))));
    }

    /** {@code lore gc-files} through a running server: {@code dryRun} (default false), {@code keepHours} (default 1). */
    private void collect(Context ctx) {
        CurrentUser.require(ctx, Role.ADMIN);
        boolean dryRun = ctx.queryParamAsClass("dryRun", Boolean.class).getOrDefault(false);
        int keepHours = dev.lore.server.web.Requests.intQuery(ctx, "keepHours", 1, 0, 24 * 365);
        ctx.json(files.collectUnusedBlobs(dryRun, java.time.Duration.ofHours(keepHours)));
    }

    private void upload(Context ctx, boolean api) throws Exception {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        if (ctx.req().getContentLengthLong() > maxFileBytes + (1L << 20)) { // refused before a byte is read
            throw new TooLargeException(
                    "the file is larger than the limit of " + Blobs.humanSize(maxFileBytes) + " (LORE_MAX_FILE_SIZE)");
        }
        UploadedFile file = requireFile(ctx);
        var target = target(ctx);
        Attachment a;
        try (InputStream in = file.content()) {
            a = files.upload(
                    uploaders.uploader(target.kind(), target.key(), person.id()),
                    target.kind(),
                    target.key(),
                    file.filename(),
                    in);
        }
        if (api) {
            ctx.status(HttpStatus.CREATED).header("Location", url(a)).json(json(a));
        } else {
            ctx.redirect(back(ctx, a), HttpStatus.SEE_OTHER);
        }
    }

    /**
     * Where a plain form goes after an upload: the page's own editor when the form asked for it,
     * else the page's list of files (an answer's own list for an answer's file).
     */
    static String back(Context ctx, Attachment a) {
        String page = a.page().path();
        String editor = page + "/edit";
        if (editor.equals(ctx.formParam("back"))) {
            return editor + "#files";
        }
        return page + (a.page().kind().equals("answer") ? "#files-" + a.page().id() : "#files");
    }

    /** A small PNG of an image file; 404 for a file that has none (not an image, or one that does not decode). */
    private void thumbnail(Context ctx) throws IOException {
        var thumb = files.thumbnail(ctx.pathParam("id"), champion(ctx))
                .orElseThrow(() -> new dev.lore.server.error.NotFoundException(
                        "file '" + ctx.pathParam("id") + "' has no thumbnail: it is not an image Lore can scale"));
        String etag = "\"" + thumb.sha256() + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", FILE_CSP);
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("image/png");
        res.setContentLengthLong(thumb.size());
        if (ctx.method().name().equals("HEAD")) {
            return;
        }
        try (InputStream in = files.open(thumb.sha256(), 0, thumb.size());
                OutputStream out = res.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private void replace(Context ctx) throws Exception {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        UploadedFile file = requireFile(ctx);
        try (InputStream in = file.content()) {
            ctx.json(json(files.replace(person.id(), ctx.pathParam("id"), champion(ctx), file.filename(), in)));
        }
    }

    private void delete(Context ctx) {
        var person = CurrentUser.require(ctx, Role.CONTRIBUTOR);
        files.delete(person.id(), ctx.pathParam("id"), champion(ctx));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void describe(Context ctx) {
        boolean champion = champion(ctx);
        Attachment a = files.visible(ctx.pathParam("id"), champion);
        var body = json(a);
        body.put(
                "versions",
                files.versions(a.id(), champion).stream()
                        .map(v -> {
                            var m = new LinkedHashMap<String, Object>();
                            m.put("n", v.n());
                            m.put("name", v.name());
                            m.put("type", v.type());
                            m.put("size", v.size());
                            m.put("sha256", v.sha256());
                            m.put("by", Map.of("id", v.by().id(), "name", v.by().name()));
                            m.put("at", v.at().toString());
                            m.put("url", url(a) + "?v=" + v.n());
                            return m;
                        })
                        .toList());
        files.textStatus(a.id(), champion)
                .ifPresent(t -> body.put("text", Map.of("status", t.status(), "chars", t.chars())));
        body.put(
                "usedOn",
                files.usedOn(a.id(), champion).stream()
                        .map(u -> Map.of("kind", u.kind(), "key", u.key(), "title", u.title(), "url", u.path()))
                        .toList());
        ctx.json(body);
    }

    private void serve(Context ctx) throws IOException {
        boolean champion = champion(ctx);
        Attachment a = files.visible(ctx.pathParam("id"), champion);
        String name = a.name();
        String type = a.type();
        String sha = a.sha256();
        long size = a.size();
        String v = ctx.queryParam("v");
        if (v != null) {
            int n;
            try {
                n = Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("v must be a version number, was '" + v + "'");
            }
            AttachmentVersion version = files.version(a.id(), n, champion);
            name = version.name();
            type = version.type();
            sha = version.sha256();
            size = version.size();
        }
        String etag = "\"" + sha + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", FILE_CSP);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("Content-Disposition", disposition(FileTypes.inline(type) ? "inline" : "attachment", name));
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        Optional<ByteRange> range;
        String ifRange = ctx.header("If-Range");
        if (ifRange != null && !ifRange.equals(etag)) {
            range = Optional.empty();
        } else {
            try {
                range = ByteRange.parse(ctx.header("Range"), size);
            } catch (ByteRange.NotSatisfiable e) {
                ctx.status(HttpStatus.RANGE_NOT_SATISFIABLE);
                ctx.header("Content-Range", "bytes */" + size);
                return;
            }
        }
        long offset = range.map(ByteRange::start).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        var res = ctx.res();
        res.setStatus(range.isPresent() ? 206 : 200);
        long total = size;
        range.ifPresent(r -> res.setHeader("Content-Range", "bytes " + r.start() + "-" + r.end() + "/" + total));
        res.setContentType(type);
        res.setContentLengthLong(length);
        if (ctx.method().name().equals("HEAD")) {
            return;
        }
        // written straight to the response: no compression or buffering in between, so ranges stay exact
        try (InputStream in = files.open(sha, offset, length);
                OutputStream out = res.getOutputStream()) {
            in.transferTo(out);
        }
    }

    /** {@code inline} or {@code attachment}, with an ASCII fallback name and the exact one in RFC 5987 form. */
    static String disposition(String kind, String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        return kind + "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private UploadedFile requireFile(Context ctx) throws Exception {
        String type = Optional.ofNullable(ctx.contentType()).orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw new dev.lore.server.error.UnsupportedMediaTypeException(
                    "upload a file as multipart/form-data with a part named 'file', was '" + type + "'");
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) { // checked ones too: Javalin is Kotlin and declares none
            // Jetty's multipart parser stops at its size limit with a generic "bad multipart"
            long length = ctx.req().getContentLengthLong();
            if (length < 0 || length > maxFileBytes) {
                throw new TooLargeException("the file is larger than the limit of " + Blobs.humanSize(maxFileBytes)
                        + " (LORE_MAX_FILE_SIZE)");
            }
            throw e;
        }
        if (file == null) {
            throw new InvalidInputException("the form has no file: send it in a part named 'file'");
        }
        return file;
    }

    private record Target(String kind, String key) {}

    private static Target target(Context ctx) {
        var given = new java.util.ArrayList<Target>();
        for (String kind : List.of("article", "question", "answer")) {
            String key = ctx.formParam(kind);
            if (key != null && !key.isBlank()) {
                given.add(new Target(kind, key.strip()));
            }
        }
        if (given.size() != 1) {
            throw new InvalidInputException("say which page the file belongs to: exactly one of article (a slug), "
                    + "question or answer (an id); got " + given.size());
        }
        return given.getFirst();
    }

    private static boolean champion(Context ctx) {
        return CurrentUser.atLeast(ctx, Role.CHAMPION);
    }

    /** Where a file's bytes are: its id, then its name so a saved file and a link read well. */
    public static String url(Attachment a) {
        return "/files/" + a.id() + "/" + Urls.encode(a.name());
    }

    static List<Map<String, Object>> json(List<Attachment> list) {
        return list.stream().<Map<String, Object>>map(AttachmentRoutes::json).toList();
    }

    static Map<String, Object> json(Attachment a) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", a.id());
        m.put("url", url(a));
        m.put("name", a.name());
        m.put("type", a.type());
        m.put("size", a.size());
        m.put("sha256", a.sha256());
        m.put("version", a.version());
        m.put("by", Map.of("id", a.by().id(), "name", a.by().name()));
        m.put("at", a.at().toString());
        m.put(
                "page",
                Map.of(
                        "kind",
                        a.page().kind(),
                        "key",
                        a.page().key(),
                        "title",
                        a.page().title(),
                        "url",
                        a.page().path()));
        return m;
    }
}
