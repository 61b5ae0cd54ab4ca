package dev.lore.server.seed;

import dev.lore.graph.NoSuchEntityException;
import dev.lore.graph.learning.FeaturedCollection;
import dev.lore.graph.person.Person;
import dev.lore.graph.seed.PackStore;
import dev.lore.server.article.ArticleService;
import dev.lore.server.attachment.AttachmentService;
import dev.lore.server.auth.AuthService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.ForbiddenException;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.person.PersonService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Seed packs over HTTP: a champion imports an uploaded pack through the same {@link MarkdownImport}
 * as the command line, and exports any set of articles as a zip in the same layout ({@code
 * slug.md} with front matter, {@code people.json} for the pages' owners and authors, {@code collections.json}
 * for the chosen collections), which imports back. One import runs at a time. Thread-safe.
 */
public final class SeedPacks {
    private final MarkdownImport importer;
    private final ArticleService articles;
    private final CollectionService collections;
    private final PersonService people;
    private final ExpertService skills;
    private final PackStore store;
    private final ReentrantLock importing = new ReentrantLock();
    private final Optional<AttachmentService> files;

    public SeedPacks(
            MarkdownImport importer,
            ArticleService articles,
            CollectionService collections,
            PersonService people,
            ExpertService skills,
            PackStore store) {
        this(importer, articles, collections, people, skills, store, Optional.empty());
    }

    /** With {@code files}, exported packs carry the pages' files ({@link Export}). */
    public SeedPacks(
            MarkdownImport importer,
            ArticleService articles,
            CollectionService collections,
            PersonService people,
            ExpertService skills,
            PackStore store,
            Optional<AttachmentService> files) {
        this.files = files;
        this.importer = importer;
        this.articles = articles;
        this.collections = collections;
        this.people = people;
        this.skills = skills;
        this.store = store;
    }

    private java.util.Optional<dev.lore.server.article.PageTreeService> tree = java.util.Optional.empty();

    /** Writes chosen pages in folders as the page tree says (among the chosen pages). */
    public SeedPacks withTree(dev.lore.server.article.PageTreeService tree) {
        this.tree = java.util.Optional.of(tree);
        return this;
    }

    /** Whether {@code person} may import and export packs. */
    public static boolean mayCurate(Person person) {
        return AuthService.roleOf(person).atLeast(Role.CHAMPION);
    }

    /**
     * Imports an unpacked upload, credited to {@code by}. Imported people get no password and at
     * most {@code by}'s own role. The result's {@code skipped} includes what the upload left out.
     */
    public MarkdownImport.Result importPack(PackUpload upload, Person by) {
        requireChampion(by);
        importing.lock();
        try {
            MarkdownImport.Result r = importer.importFolder(
                    upload.root(),
                    by.id(),
                    Optional.empty(),
                    AuthService.roleOf(by),
                    Progress.NONE,
                    MarkdownImport.Verification.AT_LOAD);
            var skipped = new ArrayList<>(upload.skipped());
            skipped.addAll(r.skipped());
            return new MarkdownImport.Result(
                    r.people(), r.created(), r.updated(), r.unchanged(), r.paths(), r.collections(), skipped);
        } finally {
            importing.unlock();
        }
    }

    /** What to export: articles by slug, by skill and by collection; nothing chosen means everything. */
    public record Selection(List<String> slugs, List<String> skills, List<String> collections) {
        public boolean everything() {
            return slugs.isEmpty() && skills.isEmpty() && collections.isEmpty();
        }
    }

    /** The export as a zip, and how many articles it holds. */
    public record Pack(byte[] zip, int articles) {}

    public Pack export(Selection selection, Person by) {
        requireChampion(by);
        var slugs = new LinkedHashSet<String>();
        var chosenCollections = new ArrayList<FeaturedCollection>();
        if (selection.everything()) {
            slugs.addAll(store.allSlugs());
            chosenCollections.addAll(collections.all());
        }
        for (String raw : selection.slugs()) {
            String slug = raw.strip();
            if (slug.isEmpty()) {
                continue;
            }
            try {
                slugs.add(articles.find(slug).article().slug());
            } catch (NotFoundException e) {
                throw new InvalidInputException("no article '" + slug + "'");
            }
        }
        for (String name : selection.skills()) {
            if (name.isBlank()) {
                continue;
            }
            var skill = skills.findSkill(name)
                    .orElseThrow(() -> new InvalidInputException("no skill '" + name.strip() + "'"));
            slugs.addAll(store.slugsAbout(skill.key()));
        }
        for (String id : selection.collections()) {
            if (id.isBlank()) {
                continue;
            }
            FeaturedCollection c;
            try {
                c = collections.get(id.strip());
            } catch (NoSuchEntityException e) {
                throw new InvalidInputException("no collection '" + id.strip() + "'");
            }
            chosenCollections.add(c);
            c.articles().forEach(a -> slugs.add(a.slug()));
        }
        if (slugs.isEmpty()) {
            throw new InvalidInputException("nothing to export: the selection holds no articles");
        }
        return new Pack(zip(slugs, chosenCollections), slugs.size());
    }

    private byte[] zip(Set<String> slugs, List<FeaturedCollection> chosen) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            Export export = new Export(articles, people, List.of(), files);
            tree.ifPresent(export::withTree);
            for (var file : export.files(slugs, chosen, () -> {}).entrySet()) {
                put(zip, file.getKey(), file.getValue());
            }
            for (var file : export.attachmentFiles(slugs).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                try (var in = export.open(file.getValue())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export", e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void requireChampion(Person person) {
        if (!mayCurate(person)) {
            throw new ForbiddenException("only champions import and export seed packs");
        }
    }
}
