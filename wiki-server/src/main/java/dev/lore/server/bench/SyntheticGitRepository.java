package dev.lore.server.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.TreeFormatter;

/**
 * Writes a reproducible synthetic docs repository straight into a pack with JGit (no working tree,
 * no git binary): a linear history on {@code main} in which people add Markdown pages, edit a few
 * lines of one to three pages per commit, now and then rename or delete one or touch only a
 * non-Markdown file. Authors commit under name and email variants, some resolved by a
 * {@code .mailmap}. For the Git import benchmark; not a test fixture.
 */
public final class SyntheticGitRepository {
    private static final int AREAS = 25;

    /** What was generated. */
    public record Stats(
            int commits, int filesAdded, int liveFiles, int edits, int renames, int deletes, int identities) {}

    private final SyntheticCorpus corpus = new SyntheticCorpus(20_000, 1.07, 11);
    private final Random random;
    private final Dir root = new Dir();
    private final Map<String, List<String>> pages = new HashMap<>();
    private final List<String> live = new ArrayList<>();
    private final List<PersonIdent> identities = new ArrayList<>();
    private final List<Integer> weights = new ArrayList<>();
    private int totalWeight;

    private SyntheticGitRepository(long seed) {
        random = new Random(seed);
    }

    /** A bare repository at {@code dir} with {@code commits} commits that add {@code files} pages. */
    public static Stats generate(Path dir, int commits, int files, int authors, long seed) {
        try (var repository = new FileRepository(dir.toFile())) {
            repository.create(true);
            return new SyntheticGitRepository(seed).write(repository, commits, files, authors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Stats write(FileRepository repository, int commits, int files, int authors) throws IOException {
        var mailmap = new StringBuilder("# Old addresses and short names\n");
        var names = new java.util.HashSet<String>();
        for (int a = 0; a < authors; a++) {
            String first;
            String last;
            do { // distinct people have distinct names here; the import would merge namesakes
                first = capitalised(corpus.queryWord(random));
                last = capitalised(corpus.queryWord(random));
            } while (!names.add(first.toLowerCase()) || !names.add(first.toLowerCase() + " " + last.toLowerCase()));
            String email = (first + "." + last).toLowerCase() + "@example.com";
            int weight = 1 + (int) (100 / Math.pow(a + 1, 0.9)); // a few people write most of it
            addIdentity(first + " " + last, email, weight);
            if (a % 5 == 1) { // a second email, merged by the name
                addIdentity(first + " " + last, first.toLowerCase() + "@laptop.local", weight / 3 + 1);
            }
            if (a % 7 == 2) { // a short name and an old address, merged by the .mailmap
                String old = first.toLowerCase().charAt(0) + last.toLowerCase() + "@old.example.com";
                addIdentity(first.toLowerCase(), old, weight / 3 + 1);
                mailmap.append(first)
                        .append(' ')
                        .append(last)
                        .append(" <")
                        .append(email)
                        .append("> <")
                        .append(old)
                        .append(">\n");
            }
        }
        ObjectInserter inserter = repository.getObjectDatabase().newPackInserter();
        if (inserter instanceof PackInserter pack) {
            pack.checkExisting(false);
        }
        try (inserter) {
            put(inserter, ".mailmap", mailmap.toString());
            put(inserter, "build/settings.txt", "version 1\n");
            int initial = Math.min(files, Math.max(1, files / 20));
            int added = 0;
            int edits = 0;
            int renames = 0;
            int deletes = 0;
            double addChance = commits > 1 ? (double) (files - initial) / (commits * 0.9) : 0;
            ObjectId parent = null;
            Instant at = Instant.parse("2019-01-07T08:00:00Z");
            for (int c = 0; c < commits; c++) {
                String message;
                if (c == 0) {
                    for (int i = 0; i < initial; i++) {
                        addPage(inserter, added++);
                    }
                    message = "Initial import of the handbook";
                } else if (added < files && (random.nextDouble() < addChance || live.isEmpty())) {
                    message = "Add " + addPage(inserter, added++);
                } else {
                    double r = random.nextDouble();
                    if (r < 0.01 && live.size() > 10) {
                        String from = live.get(random.nextInt(live.size()));
                        String to = area() + "/" + slugWords() + "-" + c + ".md";
                        rename(from, to);
                        edit(inserter, to, 1); // moved and touched up, as renames usually are
                        renames++;
                        message = "Move " + from + " to " + to;
                    } else if (r < 0.015 && live.size() > 10) {
                        String gone = live.remove(random.nextInt(live.size()));
                        pages.remove(gone);
                        remove(gone);
                        deletes++;
                        message = "Remove " + gone;
                    } else if (r < 0.06) {
                        put(inserter, "build/settings.txt", "version " + c + "\n");
                        message = "Bump the build settings";
                    } else {
                        int n = 1 + (random.nextDouble() < 0.7 ? 0 : random.nextInt(3));
                        String first = null;
                        for (int i = 0; i < n; i++) {
                            String path = live.get(random.nextInt(live.size()));
                            edit(inserter, path, 1 + random.nextInt(4));
                            edits++;
                            first = first == null ? path : first;
                        }
                        message = "Update " + first + (n > 1 ? " and " + (n - 1) + " more" : "");
                    }
                }
                at = at.plusSeconds(600 + random.nextInt(3 * 3600));
                PersonIdent author = new PersonIdent(pickIdentity(), at, ZoneOffset.UTC);
                var commit = new CommitBuilder();
                commit.setTreeId(root.write(inserter));
                if (parent != null) {
                    commit.setParentId(parent);
                }
                commit.setAuthor(author);
                commit.setCommitter(author);
                commit.setMessage(message + "\n\nGenerated change " + c + ".\n");
                parent = inserter.insert(commit);
            }
            inserter.flush();
            RefUpdate main = repository.updateRef("refs/heads/main");
            main.setNewObjectId(parent);
            main.forceUpdate();
            repository.updateRef(Constants.HEAD).link("refs/heads/main");
            return new Stats(commits, added, live.size(), edits, renames, deletes, identities.size());
        }
    }

    private void addIdentity(String name, String email, int weight) {
        identities.add(new PersonIdent(name, email, Instant.EPOCH, ZoneOffset.UTC));
        weights.add(weight);
        totalWeight += weight;
    }

    private PersonIdent pickIdentity() {
        int r = random.nextInt(totalWeight);
        for (int i = 0; i < identities.size(); i++) {
            r -= weights.get(i);
            if (r < 0) {
                return identities.get(i);
            }
        }
        return identities.getLast();
    }

    private String addPage(ObjectInserter inserter, int n) throws IOException {
        String path = area() + "/" + slugWords() + "-" + n + ".md";
        var lines = new ArrayList<String>();
        lines.add("# " + capitalised(corpus.word(random)) + " " + corpus.word(random) + " " + corpus.word(random) + " "
                + n);
        lines.add("");
        int paragraphs = 3 + random.nextInt(8);
        for (int p = 0; p < paragraphs; p++) {
            if (p > 0 && random.nextDouble() < 0.3) {
                lines.add("## " + capitalised(corpus.word(random)) + " " + corpus.word(random));
                lines.add("");
            }
            for (int l = 0, k = 2 + random.nextInt(6); l < k; l++) {
                lines.add(sentence());
            }
            lines.add("");
        }
        pages.put(path, lines);
        live.add(path);
        put(inserter, path, String.join("\n", lines));
        return path;
    }

    /** Rewrites, inserts or deletes a few lines of a page. */
    private void edit(ObjectInserter inserter, String path, int changes) throws IOException {
        List<String> lines = pages.get(path);
        for (int i = 0; i < changes; i++) {
            int at = 2 + random.nextInt(Math.max(1, lines.size() - 2));
            double r = random.nextDouble();
            if (r < 0.5 || lines.size() < 6) {
                lines.add(Math.min(at, lines.size()), sentence());
            } else if (r < 0.85) {
                lines.set(Math.min(at, lines.size() - 1), sentence());
            } else {
                lines.remove(Math.min(at, lines.size() - 1));
            }
        }
        put(inserter, path, String.join("\n", lines));
    }

    private void rename(String from, String to) {
        pages.put(to, pages.remove(from));
        live.set(live.indexOf(from), to);
        remove(from);
    }

    private String sentence() {
        var s = new StringBuilder(capitalised(corpus.word(random)));
        for (int w = 0, k = 6 + random.nextInt(12); w < k; w++) {
            s.append(' ').append(corpus.word(random));
        }
        return s.append('.').toString();
    }

    private String area() {
        return "docs/area-" + String.format("%02d", random.nextInt(AREAS));
    }

    private String slugWords() {
        return corpus.word(random) + "-" + corpus.word(random);
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private void put(ObjectInserter inserter, String path, String text) throws IOException {
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
        root.put(path.split("/"), 0, blob);
    }

    private void remove(String path) {
        root.remove(path.split("/"), 0);
    }

    /** A directory whose tree id is cached until something below it changes. */
    private static final class Dir {
        // Git orders tree entries by name, a directory's name as if it ended in '/'.
        private final TreeMap<String, Object> entries = new TreeMap<>();
        private ObjectId id;

        void put(String[] parts, int i, ObjectId blob) {
            id = null;
            if (i == parts.length - 1) {
                entries.put(parts[i], blob);
            } else {
                ((Dir) entries.computeIfAbsent(parts[i] + "/", k -> new Dir())).put(parts, i + 1, blob);
            }
        }

        void remove(String[] parts, int i) {
            id = null;
            if (i == parts.length - 1) {
                entries.remove(parts[i]);
            } else if (entries.get(parts[i] + "/") instanceof Dir dir) {
                dir.remove(parts, i + 1);
                if (dir.entries.isEmpty()) {
                    entries.remove(parts[i] + "/");
                }
            }
        }

        ObjectId write(ObjectInserter inserter) throws IOException {
            if (id == null) {
                var tree = new TreeFormatter();
                for (var e : entries.entrySet()) {
                    if (e.getValue() instanceof Dir dir) {
                        String name = e.getKey();
                        tree.append(name.substring(0, name.length() - 1), FileMode.TREE, dir.write(inserter));
                    } else {
                        tree.append(e.getKey(), FileMode.REGULAR_FILE, (ObjectId) e.getValue());
                    }
                }
                id = inserter.insert(tree);
            }
            return id;
        }
    }
}
