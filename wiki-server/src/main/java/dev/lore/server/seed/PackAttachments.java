package dev.lore.server.seed;

import dev.lore.server.attachment.ImportedFiles;
import dev.lore.server.attachment.LocalLinks;
import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import dev.lore.server.error.UnsupportedMediaTypeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a seed pack that become attachments: every file (not Markdown, not one of the pack's
 * JSON files) that a page's text links to or shows, relative to the page's file or, starting with
 * {@code /}, to the pack's root; and every file in {@code files/<page>/}, where {@code <page>} is the
 * page's file name without {@code .md} (or its folder of revisions), which is where {@link Export}
 * puts a page's files. Links to them are rewritten to the attachments' addresses. Stateless.
 */
final class PackAttachments {
    /** The folder of a pack that holds its pages' files, one folder per page. */
    static final String FOLDER = "files";

    private PackAttachments() {}

    /** Every file of the pack that some unit attaches (for the up-front check's list of skipped files). */
    static Set<Path> all(Path root, List<List<Path>> units) {
        var all = new LinkedHashSet<Path>();
        for (List<Path> unit : units) {
            all.addAll(folderFiles(root, unit));
            for (Path file : unit) {
                for (String link : LocalLinks.paths(PackFolder.read(file))) {
                    resolve(root, file, link).ifPresent(all::add);
                }
            }
        }
        return all;
    }

    /** The file a link of {@code page} names, if it is a file of the pack that can be attached. */
    static Optional<Path> resolve(Path root, Path page, String link) {
        Path base = link.startsWith("/") ? root : page.getParent();
        Path target;
        try {
            target = base.resolve(link.startsWith("/") ? link.substring(1) : link)
                    .normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!target.startsWith(root) || target.equals(root) || !attachable(root, target)) {
            return Optional.empty();
        }
        return Optional.of(target);
    }

    private static boolean attachable(Path root, Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".md") || (file.getParent().equals(root) && MarkdownImport.PACK_FILES.contains(name))) {
            return false;
        }
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(".")) {
                return false;
            }
        }
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** The files in {@code files/<page>/} for this unit. */
    static List<Path> folderFiles(Path root, List<Path> unit) {
        Path first = unit.getFirst();
        String name = first.getFileName().toString();
        String page = unit.size() > 1 || name.matches("\\d+\\.md") || name.equals(PackTree.INDEX)
                ? first.getParent().getFileName().toString()
                : name.replaceFirst("\\.md$", "");
        Path dir = root.resolve(FOLDER).resolve(page);
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> attachable(root, p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }

    /**
     * {@code text} (a file of {@code page}) with its links to pack files replaced by the addresses
     * {@code files} gives them.
     *
     * @throws InvalidInputException naming the file when Lore does not keep its type or it is too large
     */
    static String rewrite(Path root, Path page, String text, ImportedFiles files) {
        return LocalLinks.rewrite(text, link -> resolve(root, page, link).map(file -> address(root, file, files)));
    }

    /** Stores a pack file for the page and returns its address. */
    static String address(Path root, Path file, ImportedFiles files) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return files.address(file.getFileName().toString(), bytes);
        } catch (UnsupportedMediaTypeException | InvalidInputException e) {
            throw new InvalidInputException(PackFolder.name(root, file) + ": " + e.getMessage());
        } catch (TooLargeException e) {
            throw new TooLargeException(PackFolder.name(root, file) + ": " + e.getMessage());
        }
    }

    /** Adds the files in the page's folder that its text does not link to (they are its attachments too). */
    static void attachUnlinked(Path root, List<Path> unit, ImportedFiles files) {
        for (Path file : folderFiles(root, unit)) {
            address(root, file, files);
        }
    }
}
