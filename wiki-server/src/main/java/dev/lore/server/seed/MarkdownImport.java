package dev.lore.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.graph.article.Article;
import dev.lore.graph.expertise.ExpertiseStore;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.server.article.ArticleInput;
import dev.lore.server.article.ArticleService;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.NotFoundException;
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
import java.util.List;
import java.util.Optional;
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
    private static final Pattern REVISION_FILE = Pattern.compile("\\d+\\.md");
    private static final Pattern FRONT_MATTER =
            Pattern.compile("\\A---[ \\t]*\\n(.*?)\\n---[ \\t]*(?:\\n|\\z)", Pattern.DOTALL);
    private static final Pattern REVISION_KEYS = Pattern.compile("(?m)^(author|date|message):.*\\R?");

    private final ArticleService articles;
    private final PersonService people;
    private final ExpertiseStore skills;
    private final PathService paths;
    private final CollectionService collections;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public MarkdownImport(
            ArticleService articles,
            PersonService people,
            ExpertiseStore skills,
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

    /** What an import did. */
    public record Result(int people, int created, int updated, int unchanged) {}

    /**
     * Imports {@code root}.
     *
     * @param importerId who is credited where a file names no author
     * @param password the password given to imported people (none if empty)
     */
    public Result importFolder(Path root, String importerId, Optional<String> password, Progress progress) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a folder: " + root);
        }
        int peopleCreated = importPeople(root.resolve("people.json"), password);
        importSkills(root.resolve("skills.json"));
        List<List<Path>> units = units(root);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        // A few articles per graph transaction (and index refresh): a seed pack's hundreds of
        // revisions load several times faster than with one transaction each.
        for (int i = 0; i < units.size(); i += UNITS_PER_TRANSACTION) {
            var batch = units.subList(i, Math.min(units.size(), i + UNITS_PER_TRANSACTION));
            // the work may be retried with the transaction, so it returns its outcomes
            List<Outcome> outcomes = articles.inOneTransaction(() ->
                    batch.stream().map(unit -> importUnit(unit, importerId)).toList());
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
        importPaths(root.resolve("paths.json"), importerId);
        importCollections(root.resolve("collections.json"), importerId);
        LOG.info(
                "Imported {}: {} people, {} articles created, {} updated, {} unchanged",
                root,
                peopleCreated,
                created,
                updated,
                unchanged);
        return new Result(peopleCreated, created, updated, unchanged);
    }

    private enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
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

    private Article save(Optional<Article> current, String text, String fallbackTitle, String importerId) {
        FrontMatter front = FrontMatter.parse(text);
        String author = front.author().map(this::ensurePerson).orElse(importerId);
        Instant at = front.date().orElseGet(clock::instant);
        var input = new ArticleInput(
                Optional.of(front.title().orElse(fallbackTitle)),
                withoutRevisionKeys(text.replace("\r\n", "\n")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                front.message().or(() -> Optional.of("Imported")));
        if (current.isEmpty()) {
            return articles.create(input, author, at);
        }
        return articles.update(current.get().slug(), current.get().revision(), input, author, at);
    }

    /** Drops author, date and message from the front matter: they describe the revision, not the page. */
    static String withoutRevisionKeys(String text) {
        var m = FRONT_MATTER.matcher(text);
        if (!m.find()) {
            return text;
        }
        String block = REVISION_KEYS.matcher(m.group(1)).replaceAll("");
        return "---\n" + block.stripTrailing() + "\n---\n" + text.substring(m.end());
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

    private int importPeople(Path file, Optional<String> password) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int created = 0;
        try {
            JsonNode list = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
            for (JsonNode p : list) {
                String id = p.path("id").asText();
                boolean isNew = people.create(
                        id,
                        p.path("name").asText(),
                        p.path("email").asText(""),
                        p.path("team").asText(""),
                        p.path("title").asText(""),
                        Role.parse(p.path("role").asText("contributor")),
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
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return created;
    }

    private void importPaths(Path file, String importerId) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (JsonNode p : json.readTree(Files.readString(file, StandardCharsets.UTF_8))) {
                var request = json.treeToValue(p, PathService.PathRequest.class);
                try {
                    paths.importPath(request, importerId);
                } catch (InvalidInputException e) {
                    throw new IllegalArgumentException(file + ": path '" + request.title() + "': " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void importCollections(Path file, String importerId) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (JsonNode c : json.readTree(Files.readString(file, StandardCharsets.UTF_8))) {
                var request = json.treeToValue(c, CollectionService.CollectionRequest.class);
                try {
                    collections.importCollection(request, importerId);
                } catch (InvalidInputException e) {
                    throw new IllegalArgumentException(
                            file + ": collection '" + request.title() + "': " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private void importSkills(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (JsonNode s : json.readTree(Files.readString(file, StandardCharsets.UTF_8))) {
                String name = s.path("name").asText("").strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(file + ": every skill needs a name");
                }
                skills.describe(name, s.path("description").asText(""));
                for (JsonNode alias : s.path("aliases")) {
                    skills.addAlias(name, alias.asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Each unit is one article: a single file, or a revision folder's files in order. */
    private static List<List<Path>> units(Path root) {
        var units = new ArrayList<List<Path>>();
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = walk.sorted().toList();
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
