package dev.lore.server.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.graph.article.Article;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.path.CollectionService;
import dev.lore.server.path.PathService;
import dev.lore.server.person.PersonService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports a folder of Markdown with front matter (a seed pack). Each {@code name.md} is an article;
 * a folder holding only {@code 001.md}, {@code 002.md}, ... is one article whose files are its
 * successive revisions, each with its own {@code author}, {@code date} and {@code message}. An
 * optional {@code people.json} creates the people first, and an optional {@code skills.json} ({@code
 * [{name, description, aliases}]}) describes skills and names their aliases. After the articles,
 * an optional {@code paths.json} ({@code [{title, description, level, skill, steps:[{kind, ref,
 * prompt}]}]}) adds learning paths and {@code collections.json} ({@code [{title, skill, onHome,
 * articles:[slug]}]}) featured collections, matched by title when re-imported. Re-importing updates articles (matched by
 * slug) instead of duplicating them, and saves nothing when the text is unchanged.
 */
public final class MarkdownImport {
    private static final Logger LOG = LoggerFactory.getLogger(MarkdownImport.class);
    private static final int UNITS_PER_TRANSACTION = 10;
    /**
     * Packs up to this many articles and bytes (more than an upload may hold) are written in one
     * transaction, so a pack that fails half-way changes nothing. Larger folders, which only the
     * command line takes, are written a few articles per transaction after the same checks.
     */
    static final int MAX_ATOMIC_UNITS = 1_000;

    static final long MAX_ATOMIC_BYTES = 64L << 20;
    /** The largest file a pack may hold: the largest article ({@link ArticleService#MAX_MARKDOWN_BYTES}). */
    public static final int MAX_FILE_BYTES = ArticleService.MAX_MARKDOWN_BYTES;

    private static final Pattern REVISION_FILE = Pattern.compile("\\d+\\.md");

    private final ArticleService articles;
    private final PersonService people;
    private final ExpertService skills;
    private final PathService paths;
    private final CollectionService collections;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public MarkdownImport(
            ArticleService articles,
            PersonService people,
            ExpertService skills,
            PathService paths,
            CollectionService collections,
            Clock clock) {
        this.articles = articles;
        this.paths = paths;
        this.collections = collections;
        this.people = people;
        this.skills = skills;
        this.clock = clock;
    }

    /** The JSON files a pack may hold besides its Markdown. */
    public static final List<String> PACK_FILES =
            List.of("people.json", "skills.json", "paths.json", "collections.json");

    /**
     * What an import did: people created, articles created, updated and unchanged, paths and
     * collections created or updated, and the files it left alone with the reason.
     */
    public record Result(
            int people, int created, int updated, int unchanged, int paths, int collections, List<Skipped> skipped) {}

    /** A file of the pack that was not imported, and why. */
    public record Skipped(String file, String reason) {}

    /** Imports {@code root}, with people's roles as the files say. */
    public Result importFolder(Path root, String importerId, Optional<String> password, Progress progress) {
        return importFolder(root, importerId, password, Role.ADMIN, progress);
    }

    /**
     * Imports {@code root}. Every Markdown file's front matter, every JSON file and every file's
     * size is checked before anything is written, and so is every path step and collection entry
     * (against the pack's own articles and the pages that exist); a problem is an {@link
     * InvalidInputException} (or {@link TooLargeException}) naming the file. A pack of at most
     * {@value #MAX_ATOMIC_UNITS} articles and 64 MiB is then written in one transaction: whatever
     * fails while writing, nothing changes.
     *
     * @param importerId who is credited where a file names no author
     * @param password the password given to imported people (none if empty)
     * @param maxRole the highest role a {@code people.json} entry gets (higher ones are lowered)
     */
    public Result importFolder(
            Path root, String importerId, Optional<String> password, Role maxRole, Progress progress) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        List<List<Path>> units = units(root);
        List<Skipped> skipped = check(root, units);
        checkReferences(root, units);
        if (units.size() <= MAX_ATOMIC_UNITS && bytes(root) <= MAX_ATOMIC_BYTES) {
            // every write inside joins this transaction (and its batches too): all or nothing
            return articles.inOneTransaction(
                    () -> write(root, units, skipped, importerId, password, maxRole, progress));
        }
        LOG.warn(
                "{} holds {} articles: too many for one transaction, so it is written in batches; a failure"
                        + " part-way keeps the batches written before it",
                root,
                units.size());
        return write(root, units, skipped, importerId, password, maxRole, progress);
    }

    private Result write(
            Path root,
            List<List<Path>> units,
            List<Skipped> skipped,
            String importerId,
            Optional<String> password,
            Role maxRole,
            Progress progress) {
        int peopleCreated = importPeople(root, root.resolve("people.json"), password, maxRole);
        importSkills(root, root.resolve("skills.json"));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // A few articles per graph transaction (and index refresh): a seed pack's hundreds of
        // revisions load several times faster than with one transaction each.
        for (int i = 0; i < units.size(); i += UNITS_PER_TRANSACTION) {
            var batch = units.subList(i, Math.min(units.size(), i + UNITS_PER_TRANSACTION));
            // the work may be retried with the transaction, so it returns its outcomes
            List<Outcome> outcomes = articles.inOneTransaction(() -> batch.stream()
                    .map(unit -> importUnit(root, unit, importerId))
                    .toList());
            for (Outcome outcome : outcomes) {
                switch (outcome) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            progress.update(i + batch.size(), units.size(), "articles");
        }
        // after the articles: paths and collections name them by slug
        int pathCount = importPaths(root, root.resolve("paths.json"), importerId);
        int collectionCount = importCollections(root, root.resolve("collections.json"), importerId);
        LOG.info(
                "Imported {}: {} people, {} articles created, {} updated, {} unchanged",
                root,
                peopleCreated,
                created,
                updated,
                unchanged);
        return new Result(peopleCreated, created, updated, unchanged, pathCount, collectionCount, skipped);
    }

    /**
     * Checks the whole pack before anything is written: the front matter of every Markdown file,
     * the size of every file and the JSON files' syntax. Returns the files that will be left alone.
     */
    private List<Skipped> check(Path root, List<List<Path>> units) {
        var used = new java.util.HashSet<Path>();
        for (List<Path> unit : units) {
            for (Path file : unit) {
                used.add(file);
                requireSize(root, file);
                FrontMatter.problem(read(file)).ifPresent(problem -> {
                    throw new InvalidInputException(name(root, file) + ": malformed front matter: " + problem);
                });
            }
        }
        for (String name : PACK_FILES) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                used.add(file);
                requireSize(root, file);
                JsonNode list = readJson(root, file);
                if (!list.isArray()) {
                    throw new InvalidInputException(name + ": must be a JSON array, was " + list.getNodeType());
                }
            }
        }
        var skipped = new ArrayList<Skipped>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> !used.contains(f))
                    .sorted()
                    .forEach(f -> skipped.add(new Skipped(
                            name(root, f),
                            f.getFileName().toString().endsWith(".md")
                                    ? "hidden: its name or a folder's starts with a dot"
                                    : "not Markdown (.md) nor one of " + String.join(", ", PACK_FILES))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return skipped;
    }

    /**
     * Checks paths.json and collections.json before anything is written: each entry as the import
     * will (title, level, step kinds, sizes), and each page or question it names against the pages
     * and questions that exist plus the pages this pack will write.
     */
    private void checkReferences(Path root, List<List<Path>> units) {
        Set<String> coming = comingSlugs(units);
        Path pathsFile = root.resolve("paths.json");
        if (Files.isRegularFile(pathsFile)) {
            for (JsonNode p : readJson(root, pathsFile)) {
                var request = as(root, pathsFile, p, PathService.PathRequest.class);
                try {
                    paths.checkImport(request, coming);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(
                            name(root, pathsFile) + ": path '" + request.title() + "': " + e.getMessage());
                }
            }
        }
        Path collectionsFile = root.resolve("collections.json");
        if (Files.isRegularFile(collectionsFile)) {
            for (JsonNode c : readJson(root, collectionsFile)) {
                var request = as(root, collectionsFile, c, CollectionService.CollectionRequest.class);
                try {
                    collections.checkImport(request, coming);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(
                            name(root, collectionsFile) + ": collection '" + request.title() + "': " + e.getMessage());
                }
            }
        }
    }

    /** The slugs the pack's articles may have once written: each revision's title, slugified. */
    private static Set<String> comingSlugs(List<List<Path>> units) {
        var slugs = new HashSet<String>();
        for (List<Path> unit : units) {
            String fallback = titleFromFile(unit.getFirst());
            for (Path file : unit) {
                slugs.add(Slugs.slugify(FrontMatter.parse(read(file)).title().orElse(fallback)));
            }
        }
        return slugs;
    }

    /** The size of every file under {@code root}. */
    private static long bytes(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException("cannot read " + f, e);
                        }
                    })
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    private static void requireSize(Path root, Path file) {
        try {
            long bytes = Files.size(file);
            if (bytes > MAX_FILE_BYTES) {
                throw new TooLargeException(name(root, file) + ": files must be at most " + MAX_FILE_BYTES
                        + " bytes (1 MiB), was " + bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private JsonNode readJson(Path root, Path file) {
        try {
            return json.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name(root, file) + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A file's name in messages: its path inside the pack, with forward slashes. */
    private static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    private Outcome importUnit(Path root, List<Path> revisions, String importerId) {
        try {
            return importUnit(revisions, importerId);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name(root, revisions.getFirst()) + ": " + e.getMessage());
        }
    }

    private Outcome importUnit(List<Path> revisions, String importerId) {
        List<String> texts = revisions.stream().map(MarkdownImport::read).toList();
        FrontMatter first = FrontMatter.parse(texts.getFirst());
        String title = first.title().orElse(titleFromFile(revisions.getFirst()));
        Optional<Article> existing = findExisting(Slugs.slugify(title));
        if (existing.isPresent()) {
            Article current = existing.get();
            String last = texts.getLast();
            Article after = save(Optional.of(current), last, title, importerId);
            return after.revision() == current.revision() ? Outcome.UNCHANGED : Outcome.UPDATED;
        }
        Optional<Article> current = Optional.empty();
        for (String text : texts) {
            current = Optional.of(save(current, text, title, importerId));
        }
        return Outcome.CREATED;
    }

    /**
     * Saves one file as a revision. Its front matter becomes the page's metadata (title, tags,
     * skills, owner) and the revision's (author, date, message) and is not stored: the page's text
     * is what follows the block, byte for byte, so an exported page imports back unchanged. A file
     * whose first line ends in CRLF (a Windows checkout) has its line ends made LF throughout.
     */
    private Article save(Optional<Article> current, String file, String fallbackTitle, String importerId) {
        String text = startsWithCrLf(file) ? file.replace("\r\n", "\n") : file;
        FrontMatter front = FrontMatter.parse(text);
        String author = front.author().map(this::ensurePerson).orElse(importerId);
        Instant at = front.date().orElseGet(clock::instant);
        var input = new ArticleInput(
                Optional.of(front.title().orElse(fallbackTitle)),
                front.body(),
                front.tags().isEmpty() ? Optional.empty() : Optional.of(front.tags()),
                front.skills().isEmpty() ? Optional.empty() : Optional.of(front.skills()),
                front.owner(),
                front.message().or(() -> Optional.of("Imported")));
        if (current.isEmpty()) {
            return articles.create(input, author, at);
        }
        return articles.update(current.get().slug(), current.get().revision(), input, author, at);
    }

    private static boolean startsWithCrLf(String text) {
        int end = text.indexOf('\n');
        return end > 0 && text.charAt(end - 1) == '\r';
    }

    private Optional<Article> findExisting(String slug) {
        try {
            return Optional.of(articles.find(slug).article());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** The id of the person a file names as author, creating them (without a password) if new. */
    private String ensurePerson(String author) {
        String id = author.strip().toLowerCase(java.util.Locale.ROOT);
        if (!id.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
            id = Slugs.slugify(author);
        }
        if (people.find(id).isEmpty()) {
            people.create(id, author.strip(), "", "", "", Role.CONTRIBUTOR, Optional.empty());
        }
        return id;
    }

    private int importPeople(Path root, Path file, Optional<String> password, Role maxRole) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int created = 0;
        try {
            JsonNode list = readJson(root, file);
            for (JsonNode p : list) {
                String id = p.path("id").asText();
                Role role = Role.parse(p.path("role").asText("contributor"));
                boolean isNew = people.create(
                        id,
                        p.path("name").asText(),
                        p.path("email").asText(""),
                        p.path("team").asText(""),
                        p.path("title").asText(""),
                        role.atLeast(maxRole) ? maxRole : role,
                        password);
                if (isNew) {
                    created++;
                    var skills = new ArrayList<DeclaredSkill>();
                    p.path("skills")
                            .forEach(s -> skills.add(new DeclaredSkill(
                                    s.path("name").asText(), s.path("level").asText("practising"))));
                    var wants = new ArrayList<String>();
                    p.path("wantsToLearn").forEach(w -> wants.add(w.asText()));
                    people.declareSkills(id, skills, wants);
                }
            }
        } catch (InvalidInputException e) {
            throw new InvalidInputException(name(root, file) + ": " + e.getMessage());
        }
        return created;
    }

    private int importPaths(Path root, Path file, String importerId) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int count = 0;
        for (JsonNode p : readJson(root, file)) {
            var request = as(root, file, p, PathService.PathRequest.class);
            try {
                paths.importPath(request, importerId);
                count++;
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        name(root, file) + ": path '" + request.title() + "': " + e.getMessage());
            }
        }
        return count;
    }

    private int importCollections(Path root, Path file, String importerId) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int count = 0;
        for (JsonNode c : readJson(root, file)) {
            var request = as(root, file, c, CollectionService.CollectionRequest.class);
            try {
                collections.importCollection(request, importerId);
                count++;
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        name(root, file) + ": collection '" + request.title() + "': " + e.getMessage());
            }
        }
        return count;
    }

    private <T> T as(Path root, Path file, JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name(root, file) + ": " + e.getOriginalMessage());
        }
    }

    private void importSkills(Path root, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (JsonNode s : readJson(root, file)) {
            String name = s.path("name").asText("").strip();
            if (name.isEmpty()) {
                throw new InvalidInputException(name(root, file) + ": every skill needs a name");
            }
            try {
                skills.describe(name, s.path("description").asText(""));
                for (JsonNode alias : s.path("aliases")) {
                    skills.addAlias(name, alias.asText());
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(name(root, file) + ": skill '" + name + "': " + e.getMessage());
            }
        }
    }

    /** Each unit is one article: a single file, or a revision folder's files in order. */
    private static List<List<Path>> units(Path root) {
        var units = new ArrayList<List<Path>>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.filter(p -> !hidden(root, p)).sorted().toList();
            for (Path path : all) {
                if (Files.isDirectory(path) && !path.equals(root) && isRevisionFolder(path)) {
                    try (Stream<Path> files = Files.list(path)) {
                        units.add(files.sorted((a, b) -> Integer.compare(number(a), number(b)))
                                .toList());
                    }
                } else if (Files.isRegularFile(path)
                        && path.getFileName().toString().endsWith(".md")
                        && !isRevisionFolder(path.getParent())) {
                    units.add(List.of(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return units;
    }

    /** Files and folders whose name starts with a dot ({@code .git}, {@code .DS_Store}) are not content. */
    private static boolean hidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRevisionFolder(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> children = files.toList();
            return !children.isEmpty()
                    && children.stream()
                            .allMatch(p -> Files.isRegularFile(p)
                                    && REVISION_FILE
                                            .matcher(p.getFileName().toString())
                                            .matches());
        } catch (IOException e) {
            return false;
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.length() - 3));
    }

    private static String titleFromFile(Path file) {
        String name = file.getFileName().toString();
        if (REVISION_FILE.matcher(name).matches() && file.getParent() != null) {
            name = file.getParent().getFileName().toString();
        }
        return name.replaceFirst("\\.md$", "")
                .replace('-', ' ')
                .replace('_', ' ')
                .strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
