package dev.lore.server.seed;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * How folders of a pack map to the page tree, both ways. A folder {@code foo/} holding an {@code
 * index.md} (or with a {@code foo.md} beside it) is the page {@code foo}, and the pages in the
 * folder are its children, at any depth; a folder with no such page only groups files (its pages
 * belong to the nearest folder above that is a page, or to the top level). A folder of numbered
 * files only ({@code 001.md}, {@code 002.md}) is still one page's revisions, as it always was.
 * Export writes a page with children as {@code slug/index.md} with its children beside the index,
 * and a page without children as {@code slug.md}. Stateless.
 */
final class PackTree {
    static final String INDEX = "index.md";

    private PackTree() {}

    /**
     * Where each unit ({@link PackFolder#units}: one page's files) stands: the folder path it is
     * the page of, relative to the root and without {@code .md} ({@code a/b} for {@code a/b.md},
     * {@code a/b/index.md} and a revision folder {@code a/b/}).
     */
    static String key(Path root, List<Path> unit) {
        Path first = unit.getFirst();
        Path where;
        if (!first.getParent().equals(root) && PackFolder.isRevisionFolder(first.getParent())) {
            where = first.getParent();
        } else if (first.getFileName().toString().equals(INDEX)
                && !first.getParent().equals(root)) {
            where = first.getParent();
        } else {
            String name = first.getFileName().toString();
            where = first.resolveSibling(name.substring(0, name.length() - ".md".length()));
        }
        return slashed(root.relativize(where));
    }

    /** Each unit's parent unit, by index in {@code units}: the nearest folder above it that is a page. */
    static Map<Integer, Integer> parents(Path root, List<List<Path>> units) {
        var byKey = new HashMap<String, Integer>();
        for (int i = 0; i < units.size(); i++) {
            byKey.putIfAbsent(key(root, units.get(i)), i);
        }
        var parents = new HashMap<Integer, Integer>();
        for (int i = 0; i < units.size(); i++) {
            String k = key(root, units.get(i));
            for (int slash = k.lastIndexOf('/'); slash > 0; slash = k.lastIndexOf('/', slash - 1)) {
                Integer parent = byKey.get(k.substring(0, slash));
                if (parent != null) {
                    parents.put(i, parent);
                    break;
                }
            }
        }
        return parents;
    }

    /**
     * The file each exported page goes to: under its parent's folder when the parent is exported
     * too, as {@code slug/index.md} when it has exported children (or its slug is {@code index}).
     */
    static Map<String, String> files(Set<String> slugs, Function<String, Optional<String>> parentOf) {
        var withChildren = new java.util.HashSet<String>();
        for (String slug : slugs) {
            parentOf.apply(slug).filter(slugs::contains).ifPresent(withChildren::add);
        }
        var folders = new HashMap<String, String>();
        var files = new java.util.LinkedHashMap<String, String>();
        for (String slug : slugs) {
            String folder = folder(slug, slugs, parentOf, folders, 0);
            files.put(
                    slug, withChildren.contains(slug) || slug.equals("index") ? folder + "/" + INDEX : folder + ".md");
        }
        return files;
    }

    /** The folder path of a page ({@code a/b} for page {@code b} under {@code a}). */
    private static String folder(
            String slug,
            Set<String> slugs,
            Function<String, Optional<String>> parentOf,
            Map<String, String> known,
            int depth) {
        String cached = known.get(slug);
        if (cached != null) {
            return cached;
        }
        Optional<String> parent =
                depth > 100 ? Optional.empty() : parentOf.apply(slug).filter(slugs::contains);
        String path = parent.map(p -> folder(p, slugs, parentOf, known, depth + 1) + "/" + slug)
                .orElse(slug);
        known.put(slug, path);
        return path;
    }

    private static String slashed(Path relative) {
        var parts = new java.util.ArrayList<String>();
        relative.forEach(p -> parts.add(p.toString()));
        return String.join("/", parts);
    }
}
