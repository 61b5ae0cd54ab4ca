package dev.lore.server.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.person.DeclaredSkill;
import dev.lore.server.auth.Role;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.learning.CollectionService;
import dev.lore.server.learning.PathService;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.Slugs;
import dev.lore.server.person.PersonService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON files of a seed pack besides its Markdown: {@code people.json} and {@code skills.json},
 * written before the articles, and {@code paths.json} and {@code collections.json}, checked before
 * anything is written and written after the articles they name. A problem is an {@link
 * InvalidInputException} naming the file (and the path or collection). Thread-safe.
 */
final class PackLists {
    private final PersonService people;
    private final ExpertService skills;
    private final PathService paths;
    private final CollectionService collections;

    PackLists(PersonService people, ExpertService skills, PathService paths, CollectionService collections) {
        this.people = people;
        this.skills = skills;
        this.paths = paths;
        this.collections = collections;
    }

    /**
     * Checks paths.json and collections.json before anything is written: each entry as the import
     * will (title, level, step kinds, sizes), and each page or question it names against the pages
     * and questions that exist plus the pages this pack will write.
     */
    void checkReferences(Path root, List<List<Path>> units) {
        Set<String> coming = comingSlugs(units);
        Path pathsFile = root.resolve("paths.json");
        if (Files.isRegularFile(pathsFile)) {
            for (JsonNode p : PackFolder.readJson(root, pathsFile)) {
                var request = PackFolder.as(root, pathsFile, p, PathService.PathRequest.class);
                try {
                    paths.checkImport(request, coming);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(
                            PackFolder.name(root, pathsFile) + ": path '" + request.title() + "': " + e.getMessage());
                }
            }
        }
        Path collectionsFile = root.resolve("collections.json");
        if (Files.isRegularFile(collectionsFile)) {
            for (JsonNode c : PackFolder.readJson(root, collectionsFile)) {
                var request = PackFolder.as(root, collectionsFile, c, CollectionService.CollectionRequest.class);
                try {
                    collections.checkImport(request, coming);
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(PackFolder.name(root, collectionsFile) + ": collection '"
                            + request.title() + "': " + e.getMessage());
                }
            }
        }
    }

    /** The slugs the pack's articles may have once written: each revision's title, slugified. */
    private static Set<String> comingSlugs(List<List<Path>> units) {
        var slugs = new HashSet<String>();
        for (List<Path> unit : units) {
            String fallback = PackFolder.titleFromFile(unit.getFirst());
            for (Path file : unit) {
                slugs.add(Slugs.slugify(
                        FrontMatter.parse(PackFolder.read(file)).title().orElse(fallback)));
            }
        }
        return slugs;
    }

    int importPeople(Path root, Path file, Optional<String> password, Role maxRole) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int created = 0;
        try {
            JsonNode list = PackFolder.readJson(root, file);
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
            throw new InvalidInputException(PackFolder.name(root, file) + ": " + e.getMessage());
        }
        return created;
    }

    void importSkills(Path root, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        for (JsonNode s : PackFolder.readJson(root, file)) {
            String name = s.path("name").asText("").strip();
            if (name.isEmpty()) {
                throw new InvalidInputException(PackFolder.name(root, file) + ": every skill needs a name");
            }
            try {
                skills.describe(name, s.path("description").asText(""));
                for (JsonNode alias : s.path("aliases")) {
                    skills.addAlias(name, alias.asText());
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        PackFolder.name(root, file) + ": skill '" + name + "': " + e.getMessage());
            }
        }
    }

    int importPaths(Path root, Path file, String importerId) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int count = 0;
        for (JsonNode p : PackFolder.readJson(root, file)) {
            var request = PackFolder.as(root, file, p, PathService.PathRequest.class);
            try {
                paths.importPath(request, importerId);
                count++;
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        PackFolder.name(root, file) + ": path '" + request.title() + "': " + e.getMessage());
            }
        }
        return count;
    }

    int importCollections(Path root, Path file, String importerId) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        int count = 0;
        for (JsonNode c : PackFolder.readJson(root, file)) {
            var request = PackFolder.as(root, file, c, CollectionService.CollectionRequest.class);
            try {
                collections.importCollection(request, importerId);
                count++;
            } catch (InvalidInputException e) {
                throw new InvalidInputException(
                        PackFolder.name(root, file) + ": collection '" + request.title() + "': " + e.getMessage());
            }
        }
        return count;
    }
}
