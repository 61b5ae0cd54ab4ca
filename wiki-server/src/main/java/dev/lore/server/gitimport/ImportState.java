package dev.lore.server.gitimport;

import dev.lore.graph.gitimport.GitImportStore.TrackedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run knows and has done so far. Each batch of commits works on a copy, which replaces
 * the run's state once the batch's transaction has committed; a retried transaction starts again
 * from the state before it.
 */
final class ImportState {
    final Map<String, TrackedFile> files;
    final Set<String> updatedArticles;
    final Set<String> createdArticles;
    // Mapping changes not yet stored; they are written with the batch's last commit.
    final Map<String, String> tracked = new LinkedHashMap<>();
    final List<String> untracked = new ArrayList<>();
    int revisions;
    int deleted;
    int skipped;

    ImportState(Map<String, TrackedFile> files) {
        this.files = new HashMap<>(files);
        this.updatedArticles = new HashSet<>();
        this.createdArticles = new HashSet<>();
    }

    ImportState copy() {
        var copy = new ImportState(files);
        copy.updatedArticles.addAll(updatedArticles);
        copy.createdArticles.addAll(createdArticles);
        copy.revisions = revisions;
        copy.deleted = deleted;
        copy.skipped = skipped;
        return copy;
    }

    void track(String path, String articleId) {
        untracked.remove(path);
        tracked.put(path, articleId);
    }

    void untrack(String path) {
        tracked.remove(path);
        if (!untracked.contains(path)) {
            untracked.add(path);
        }
    }
}
