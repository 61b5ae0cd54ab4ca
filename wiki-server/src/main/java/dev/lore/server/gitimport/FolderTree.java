package dev.lore.server.gitimport;

import dev.lore.graph.gitimport.GitImportStore.TrackedFile;
import dev.lore.server.article.PageTreeService;
import dev.lore.server.error.NotFoundException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's folders as the page tree, after an import: {@code foo/index.md} (or {@code
 * foo.md} beside {@code foo/}) is the page {@code foo}, and the Markdown files under {@code foo/}
 * are its children; a folder that is no page only groups files (the same rule as {@code import
 * DIR}, see docs/FOLDERS.md). Pages already in place are left alone, so a re-run moves only what
 * the repository moved.
 */
final class FolderTree {
    private FolderTree() {}

    /** The page path a file stands for: {@code a/b} for {@code a/b.md} and {@code a/b/index.md}. */
    static String key(String path) {
        if (path.endsWith("/index.md")) {
            return path.substring(0, path.length() - "/index.md".length());
        }
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    /** Each file's parent file, among {@code paths}: the nearest folder above it that is a page. */
    static Map<String, String> parents(Iterable<String> paths) {
        var byKey = new HashMap<String, String>();
        paths.forEach(p -> byKey.putIfAbsent(key(p), p));
        var parents = new HashMap<String, String>();
        for (String path : paths) {
            String k = key(path);
            for (int slash = k.lastIndexOf('/'); slash > 0; slash = k.lastIndexOf('/', slash - 1)) {
                String parent = byKey.get(k.substring(0, slash));
                if (parent != null && !parent.equals(path)) {
                    parents.put(path, parent);
                    break;
                }
            }
        }
        return parents;
    }

    /** Moves each live imported page under its folder's page, unless it is there already. */
    static void place(PageTreeService tree, Map<String, TrackedFile> all) {
        var files = new HashMap<String, TrackedFile>();
        all.forEach((path, file) -> {
            if (file.live()) {
                files.put(path, file);
            }
        });
        parents(files.keySet()).forEach((child, parent) -> {
            String slug = files.get(child).slug();
            String under = files.get(parent).slug();
            try {
                Optional<String> now = tree.place(slug).parent().map(p -> p.slug());
                if (!slug.equals(under) && !now.equals(Optional.of(under))) {
                    tree.move(slug, Optional.of(under));
                }
            } catch (NotFoundException e) {
                // deleted in Lore since: nothing to place
            }
        });
    }
}
