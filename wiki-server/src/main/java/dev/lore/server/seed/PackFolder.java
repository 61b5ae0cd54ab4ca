package dev.lore.server.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.markdown.FrontMatter;
import dev.lore.server.markdown.Titles;
import dev.lore.server.seed.MarkdownImport.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A seed pack's folder as files: which Markdown files make which article (a single file, or a
 * folder of numbered revisions), the checks made before anything is written (front matter, sizes,
 * JSON syntax), and how a file is named in messages. Stateless.
 */
final class PackFolder {
    private static final Pattern REVISION_FILE = Pattern.compile("\\d+\\.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackFolder() {}

    /** Each unit is one article: a single file, or a revision folder's files in order. */
    static List<List<Path>> units(Path root) {
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

    static boolean isRevisionFolder(Path dir) {
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

    /**
     * The title of a page whose front matter names none: made from its file's name, or from its
     * folder's name for a folder of revisions.
     */
    static String titleFromFile(Path file) {
        String name = file.getFileName().toString();
        if (REVISION_FILE.matcher(name).matches() && file.getParent() != null) {
            name = file.getParent().getFileName().toString();
        }
        return Titles.fromPath(name);
    }

    /**
     * Checks the whole pack before anything is written: the front matter of every Markdown file,
     * the size of every file and the JSON files' syntax. Returns the files that will be left alone.
     */
    static List<Skipped> check(Path root, List<List<Path>> units) {
        return check(root, units, java.util.Set.of());
    }

    /** As {@link #check(Path, List)}, where {@code attached} are files that pages of the pack attach. */
    static List<Skipped> check(Path root, List<List<Path>> units, java.util.Set<Path> attached) {
        var used = new HashSet<Path>(attached);
        for (List<Path> unit : units) {
            for (Path file : unit) {
                used.add(file);
                requireSize(root, file);
                FrontMatter.problem(read(file)).ifPresent(problem -> {
                    throw new InvalidInputException(name(root, file) + ": malformed front matter: " + problem);
                });
                try {
                    FrontMatter.verified(read(file));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException(name(root, file) + ": " + e.getMessage());
                }
            }
        }
        for (String name : MarkdownImport.PACK_FILES) {
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
                                    : "not Markdown (.md) nor one of "
                                            + String.join(", ", MarkdownImport.PACK_FILES))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return skipped;
    }

    /** The size of every file under {@code root}. */
    static long bytes(Path root) {
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
            if (bytes > MarkdownImport.MAX_FILE_BYTES) {
                throw new TooLargeException(name(root, file) + ": files must be at most "
                        + MarkdownImport.MAX_FILE_BYTES + " bytes (1 MiB), was " + bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode readJson(Path root, Path file) {
        try {
            return JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name(root, file) + ": malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static <T> T as(Path root, Path file, JsonNode node, Class<T> type) {
        try {
            return JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(name(root, file) + ": " + e.getOriginalMessage());
        }
    }

    /** A file's name in messages: its path inside the pack, with forward slashes. */
    static String name(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
