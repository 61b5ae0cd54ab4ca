package dev.lore.server.seed;

import dev.lore.graph.person.Person;
import dev.lore.graph.seed.PackStore;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.LoreException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.web.CurrentUser;
import dev.lore.server.web.Pages;
import dev.lore.ui.view.common.LinkView;
import dev.lore.ui.view.seed.ImportResultView;
import dev.lore.ui.view.seed.SeedPacksView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Seed packs over HTTP, for champions: {@code POST /api/seed-packs} (a zip body, or multipart with
 * one zip in {@code pack} or a folder's files in {@code files}, named by their relative paths),
 * {@code GET /api/seed-packs/export} (a zip of the chosen articles), and the page {@code
 * /curation/seed-packs}, whose forms post to the same code.
 */
public final class SeedPackRoutes {
    private static final int PICK_LIST = 200;
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final SeedPacks packs;
    private final CollectionService collections;
    private final PackStore picker;
    private final Pages pages;
    private final Clock clock;

    public SeedPackRoutes(SeedPacks packs, CollectionService collections, PackStore picker, Pages pages, Clock clock) {
        this.packs = packs;
        this.collections = collections;
        this.picker = picker;
        this.pages = pages;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/seed-packs", ctx -> ctx.json(resultJson(receive(ctx))));
        routes.get("/api/seed-packs/export", this::export);
        routes.get("/curation/seed-packs", ctx -> page(ctx, Optional.empty(), Optional.empty()));
        routes.post("/curation/seed-packs", this::upload);
    }

    /** Unpacks what the request carries and imports it: the one path for the API and the page. */
    private MarkdownImport.Result receive(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        if (ctx.contentLength() > PackUpload.MAX_UPLOAD_BYTES) {
            throw new TooLargeException("a seed pack upload must be at most " + (PackUpload.MAX_UPLOAD_BYTES >> 20)
                    + " MiB; split it into smaller packs");
        }
        String type = Optional.ofNullable(ctx.contentType()).orElse("").toLowerCase(Locale.ROOT);
        try (PackUpload upload = unpack(ctx, type)) {
            return packs.importPack(upload, me);
        }
    }

    private static PackUpload unpack(Context ctx, String type) {
        if (type.startsWith("multipart/form-data")) {
            List<UploadedFile> zip = ctx.uploadedFiles("pack").stream()
                    .filter(f -> f.size() > 0 || !f.filename().isBlank())
                    .toList();
            List<UploadedFile> files = ctx.uploadedFiles("files");
            if (zip.size() > 1) {
                throw new InvalidInputException("send one zip in 'pack', was " + zip.size());
            }
            if (zip.size() == 1) {
                try (var in = zip.getFirst().content()) {
                    return PackUpload.fromZip(PackUpload.readBounded(in));
                } catch (java.io.IOException e) {
                    throw new InvalidInputException("could not read the upload: " + e.getMessage());
                }
            }
            if (files.isEmpty()) {
                throw new InvalidInputException(
                        "the form holds no pack: send a zip in 'pack' or a folder's files in 'files'");
            }
            return PackUpload.fromFiles(files.stream()
                    .map(f -> new PackUpload.UploadedFile(f.filename(), f.size(), f.content()))
                    .toList());
        }
        if (type.startsWith("application/zip")
                || type.startsWith("application/x-zip")
                || type.startsWith("application/octet-stream")) {
            return PackUpload.fromZip(PackUpload.readBounded(ctx.bodyInputStream()));
        }
        throw new InvalidInputException(
                "send the pack as a zip (Content-Type: application/zip) or as multipart/form-data," + " was '"
                        + (type.isEmpty() ? "no content type" : type) + "'");
    }

    private void upload(Context ctx) {
        CurrentUser.require(ctx, Role.CHAMPION);
        try {
            page(ctx, Optional.of(receive(ctx)), Optional.empty());
        } catch (InvalidInputException | TooLargeException e) {
            ctx.status(((LoreException) e).status());
            page(ctx, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private void export(Context ctx) {
        Person me = CurrentUser.require(ctx, Role.CHAMPION);
        var selection = new SeedPacks.Selection(
                ctx.queryParams("slug"), ctx.queryParams("skill"), ctx.queryParams("collection"));
        SeedPacks.Pack pack = packs.export(selection, me);
        String name = "lore-seed-pack-" + DAY.format(clock.instant()) + ".zip";
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.header("X-Lore-Articles", Integer.toString(pack.articles()));
        ctx.result(pack.zip());
    }

    private void page(Context ctx, Optional<MarkdownImport.Result> result, Optional<String> error) {
        CurrentUser.require(ctx, Role.CHAMPION);
        String query = Optional.ofNullable(ctx.queryParam("find")).orElse("").strip();
        var found = picker.byTitle(query, PICK_LIST + 1);
        var articles = found.stream()
                .limit(PICK_LIST)
                .map(i -> new LinkView(i.slug(), i.title()))
                .toList();
        var all = collections.all().stream()
                .map(c -> new LinkView(c.id(), c.title()))
                .toList();
        pages.render(
                ctx,
                "seed/seedpacks.jte",
                "Seed packs",
                new SeedPacksView(
                        result.map(SeedPackRoutes::resultView),
                        error,
                        query,
                        articles,
                        found.size() > PICK_LIST,
                        all,
                        PackUpload.MAX_UPLOAD_BYTES >> 20,
                        PackUpload.MAX_ENTRIES));
    }

    private static ImportResultView resultView(MarkdownImport.Result r) {
        return new ImportResultView(
                r.people(),
                r.created(),
                r.updated(),
                r.unchanged(),
                r.paths(),
                r.collections(),
                r.skipped().stream().map(s -> s.file() + ": " + s.reason()).toList());
    }

    static Map<String, Object> resultJson(MarkdownImport.Result r) {
        var json = new LinkedHashMap<String, Object>();
        json.put("articles", Map.of("created", r.created(), "updated", r.updated(), "unchanged", r.unchanged()));
        json.put("people", r.people());
        json.put("paths", r.paths());
        json.put("collections", r.collections());
        json.put(
                "skipped",
                r.skipped().stream()
                        .map(s -> Map.of("file", s.file(), "reason", s.reason()))
                        .toList());
        return json;
    }
}
