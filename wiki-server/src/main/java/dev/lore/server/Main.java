package dev.lore.server;

import dev.lore.graph.GraphUnavailableException;
import dev.lore.graph.gitimport.GitImportStore;
import dev.lore.server.backup.BackupException;
import dev.lore.server.backup.BackupFormat;
import dev.lore.server.backup.Backups;
import dev.lore.server.backup.RemoteBackup;
import dev.lore.server.backup.Restore;
import dev.lore.server.eval.ExpertEval;
import dev.lore.server.eval.SciFactEval;
import dev.lore.server.expertise.ExpertService;
import dev.lore.server.gitimport.GitImport;
import dev.lore.server.gitimport.GitImportException;
import dev.lore.server.search.SearchService;
import dev.lore.server.seed.ConsoleProgress;
import dev.lore.server.seed.Export;
import dev.lore.server.seed.MarkdownImport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code lore} command line: serve (default), import (a folder or {@code --git} a repository),
 * reindex, export, backup, restore, benchmarks and evaluations, --help.
 */
public final class Main {
    private static final String HELP = """
            Usage: java -jar lore.jar [command]

            Commands:
              serve [--demo] start the wiki on LORE_HOST:LORE_PORT (default 127.0.0.1:7070); the
                             default command. --demo (or LORE_DEMO=true): the seed pack's people
                             sign in with the published demo password; never for real content
              import DIR     import a folder of Markdown with front matter (a seed pack)
              import --git PATH
                             import the Markdown files of a Git repository with their history
                             (one revision per commit, authors as people); a re-run adds only
                             commits made since the last one
              reindex        rebuild the search index from the graph
              export [DIR]   write every article's current text as Markdown with front matter, and
                             people.json for their owners and authors (default ./export): a
                             publishing format, not a backup
              backup DIR     back up everything in the graph (all history, people, passwords and
                             tokens, paths, collections, questions, moderation, logs) into the new
                             folder DIR, consistently, while Lore runs: with LORE_ADMIN_TOKEN set,
                             through the running server at LORE_URL (default
                             http://localhost:LORE_PORT); without it, from the data directory of a
                             stopped Lore (or LORE_NEO4J_URI); then the attachments' files
                             (LORE_BLOBS) into DIR/files
              restore DIR [--force]
                             rebuild the graph from the backup folder DIR into an empty
                             LORE_DATA_DIR (or LORE_NEO4J_URI database), the attachments' files
                             into LORE_BLOBS, then the search index;
                             --force replaces what the target holds
              bench-search [ARTICLES] [REQUESTS]
                             search benchmark on a synthetic wiki (default 100000 articles,
                             2000 requests per concurrency level) in a scratch directory
              bench-experts [PEOPLE] [SKILLS] [ARTICLES] [REQUESTS] [--data DIR]
                             expertise benchmark on a synthetic organisation (default 10000
                             people, 2000 skills, 100000 articles, 1000 requests per level);
                             --data keeps the organisation in DIR and reuses it next time
              bench-git-import [COMMITS] [FILES] [AUTHORS]
                             Git import benchmark on a synthetic repository (default 10000
                             commits, 1000 Markdown files, 50 authors) in a scratch directory
              eval-scifact DIR
                             measure ranking on SciFact (BEIR) in a scratch data directory:
                             prints nDCG@10 and Recall@100
              eval-experts REPO [--max-commits N] [--verbose] [--sweep]
                             measure expert finding on a Git repository in a scratch data
                             directory: folders with 5+ Markdown files and 5+ authors are
                             topics, git blame's line shares the truth; prints nDCG@10 and P@5
                             of Lore and of two baselines (most active authors, authors of the
                             best-matching article). --max-commits imports only the first N
                             first-parent commits and measures there; --sweep also measures
                             variants of the ranking constants on the same import
              --help         show this help

            Configuration (environment): LORE_HOST (default 127.0.0.1), LORE_PORT, LORE_DATA_DIR
            (default ./data), LORE_NEO4J_URI (unset: embedded Neo4j), LORE_NEO4J_USER,
            LORE_NEO4J_PASSWORD, LORE_ADMIN_PASSWORD, LORE_SEED (false: start without the bundled
            seed pack), LORE_DEMO, LORE_PUBLIC_PEOPLE, LORE_TRUSTED_PROXIES, LORE_SECURE_COOKIES,
            LORE_NEO4J_CONNECT_ATTEMPTS, LORE_HTTP_IDLE_TIMEOUT_MS, LORE_HTTP_BODY_TIMEOUT_MS,
            LORE_MAX_UPLOADS, LORE_METRICS, LORE_METRICS_TOKEN, LORE_SLOW_REQUEST_MS,
            LORE_READY_MAX_INDEX_LAG (see README); for backup: LORE_ADMIN_TOKEN, LORE_URL.
            import, reindex, export and restore open the data directory themselves: stop a
            running embedded server first.
            """;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0];
        PrintStream out = System.out;
        switch (command) {
            case "--help", "-h", "help" -> out.print(HELP);
            case "serve" -> {
                boolean demo = false;
                for (int i = 1; i < args.length; i++) {
                    if (args[i].equals("--demo")) {
                        demo = true;
                    } else {
                        fail("serve takes only --demo; unexpected: " + args[i]);
                    }
                }
                serve(demo);
            }
            case "import" -> {
                if (args.length >= 2 && args[1].equals("--git")) {
                    if (args.length < 3) {
                        fail("import --git needs a repository: java -jar lore.jar import --git PATH");
                    }
                    importGit(Path.of(args[2]), out);
                    return;
                }
                if (args.length < 2) {
                    fail("import needs a folder: java -jar lore.jar import DIR");
                }
                Path dir = Path.of(args[1]);
                if (!Files.isDirectory(dir)) {
                    fail("not a folder: " + dir.toAbsolutePath());
                }
                try (Lore lore = open(Config.fromEnvironment(System.getenv()).withSeed(false))) {
                    MarkdownImport.Result r = lore.importer()
                            .importFolder(dir, Lore.ADMIN_ID, Optional.empty(), new ConsoleProgress(out));
                    out.printf(
                            "Imported %d articles created, %d updated, %d unchanged; %d people%n",
                            r.created(), r.updated(), r.unchanged(), r.people());
                }
            }
            case "reindex" -> {
                try (Lore lore = open(Config.fromEnvironment(System.getenv()).withSeed(false))) {
                    out.printf("Reindexed %d changes%n", lore.sync().rebuild());
                }
            }
            case "export" -> {
                Path dir = Path.of(args.length > 1 ? args[1] : "export");
                try (Lore lore = open(Config.fromEnvironment(System.getenv()).withSeed(false))) {
                    int n = new Export(
                                    lore.articles(),
                                    lore.people(),
                                    lore.collections().all())
                            .exportTo(dir, new ConsoleProgress(out));
                    out.printf(
                            "Exported %d articles to %s (their current text; for everything, use backup)%n",
                            n, dir.toAbsolutePath());
                }
            }
            case "backup" -> {
                if (args.length != 2) {
                    fail("backup needs a new folder: java -jar lore.jar backup DIR");
                }
                backup(Path.of(args[1]), out);
            }
            case "restore" -> {
                var rest = new java.util.ArrayList<>(List.of(args).subList(1, args.length));
                boolean force = rest.remove("--force");
                if (rest.size() != 1) {
                    fail("restore needs a backup folder: java -jar lore.jar restore DIR [--force]");
                }
                restore(Path.of(rest.getFirst()), force, out);
            }
            case "eval-scifact" -> {
                if (args.length < 2) {
                    fail("eval-scifact needs the SciFact folder: java -jar lore.jar eval-scifact DIR");
                }
                evalSciFact(Path.of(args[1]), out);
            }
            case "eval-experts" -> evalExperts(args, out);
            case "bench-search" -> {
                int articles = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
                int requests = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
                try {
                    dev.lore.server.bench.SearchBenchmark.run(
                            articles, requests, Config.fromEnvironment(System.getenv()), out);
                } catch (Exception e) {
                    throw new IllegalStateException("benchmark failed", e);
                }
            }
            case "bench-experts" -> {
                // --data DIR keeps the generated organisation there and reuses it on the next run
                var positional = new java.util.ArrayList<String>();
                Optional<Path> data = Optional.empty();
                for (int i = 1; i < args.length; i++) {
                    if (args[i].equals("--data") && i + 1 < args.length) {
                        data = Optional.of(Path.of(args[++i]));
                    } else {
                        positional.add(args[i]);
                    }
                }
                int people = positional.size() > 0 ? Integer.parseInt(positional.get(0)) : 10_000;
                int skills = positional.size() > 1 ? Integer.parseInt(positional.get(1)) : 2_000;
                int articles = positional.size() > 2 ? Integer.parseInt(positional.get(2)) : 100_000;
                int requests = positional.size() > 3 ? Integer.parseInt(positional.get(3)) : 1_000;
                try {
                    dev.lore.server.bench.ExpertBenchmark.run(
                            people, skills, articles, requests, Config.fromEnvironment(System.getenv()), out, data);
                } catch (Exception e) {
                    throw new IllegalStateException("benchmark failed", e);
                }
            }
            case "bench-git-import" ->
                dev.lore.server.bench.GitImportBenchmark.run(
                        args.length > 1 ? Integer.parseInt(args[1]) : 10_000,
                        args.length > 2 ? Integer.parseInt(args[2]) : 1_000,
                        args.length > 3 ? Integer.parseInt(args[3]) : 50,
                        Config.fromEnvironment(System.getenv()),
                        out);
            default -> {
                System.err.print(HELP);
                fail("unknown command: " + command);
            }
        }
    }

    private static void importGit(Path repository, PrintStream out) {
        String error = null;
        try {
            GitImport.requireRepository(repository);
        } catch (GitImportException e) {
            fail(e.getMessage());
        }
        try (Lore lore = open(Config.fromEnvironment(System.getenv()).withSeed(false))) {
            var importer = new GitImport(
                    lore.articles(), lore.people(), new GitImportStore(lore.graph()), java.time.Clock.systemUTC());
            out.println(importer.importRepository(repository, new ConsoleProgress(out))
                    .summary());
        } catch (GitImportException e) {
            error = e.getMessage(); // reported after Lore has closed the data directory
        }
        if (error != null) {
            fail(error);
        }
    }

    private static void backup(Path dir, PrintStream out) {
        var env = System.getenv();
        Config config = Config.fromEnvironment(env);
        Optional<String> token =
                Optional.ofNullable(env.get("LORE_ADMIN_TOKEN")).filter(t -> !t.isBlank());
        try {
            if (token.isPresent()) {
                var base = java.net.URI.create(Optional.ofNullable(env.get("LORE_URL"))
                        .filter(u -> !u.isBlank())
                        .orElse("http://localhost:" + config.port()));
                out.println("Backing up the Lore running at " + base);
                BackupFormat.Header h = RemoteBackup.download(base, token.get().strip(), dir, new ConsoleProgress(out));
                out.printf(
                        "Backed up %d nodes and %d relationships (change %d) to %s%n",
                        h.nodes(), h.relationships(), h.changeSeq(), dir.toAbsolutePath());
                backupFiles(config, dir, out);
                return;
            }
            if (config.neo4jUri().isEmpty() && !Files.isDirectory(config.storeDir())) {
                fail("no Lore data in " + config.dataDir().toAbsolutePath() + " (set LORE_DATA_DIR)");
            }
            try (Lore.OpenGraph graph = openGraph(config)) {
                Backups.Made made =
                        new Backups(graph.graph(), java.time.Clock.systemUTC()).backupTo(dir, new ConsoleProgress(out));
                out.printf(
                        "Backed up %d nodes and %d relationships (change %d) to %s%n",
                        made.nodes(), made.relationships(), made.changeSeq(), dir.toAbsolutePath());
            }
            backupFiles(config, dir, out);
        } catch (BackupException | dev.lore.server.error.LoreException e) {
            fail(e.getMessage());
        }
    }

    /** The attachments' bytes, after the graph: every blob the backed-up graph refers to is there by then. */
    private static void backupFiles(Config config, Path dir, PrintStream out) {
        var copied = Backups.copyFiles(config, dir);
        out.printf("Backed up %d files (%d bytes)%n", copied.blobs(), copied.bytes());
    }

    private static void restore(Path dir, boolean force, PrintStream out) {
        Config config = Config.fromEnvironment(System.getenv()).withSeed(false);
        Restore.Restored restored;
        try {
            restored = Restore.run(dir, config, force, new ConsoleProgress(out));
        } catch (BackupException e) {
            fail(e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (locked(e)) {
                fail("the data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by a running Lore; stop it first");
            }
            throw e;
        }
        var files = Restore.files(dir, config);
        out.printf("Restored %d files (%d bytes)%n", files.blobs(), files.bytes());
        out.println("Rebuilding the search index from the graph");
        try (Lore lore = open(config)) {
            out.printf(
                    "Restored %d nodes and %d relationships (change %d, backed up at %s by Lore %s);"
                            + " search index rebuilt: %d documents%n",
                    restored.nodes(),
                    restored.relationships(),
                    restored.header().changeSeq(),
                    restored.header().createdAt(),
                    restored.header().lore(),
                    lore.index().docCount());
        }
    }

    private static Lore.OpenGraph openGraph(Config config) {
        try {
            return Lore.openGraph(config);
        } catch (RuntimeException e) {
            if (locked(e)) {
                fail("the data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by a running Lore: set LORE_ADMIN_TOKEN to an admin's API token"
                        + " (POST /api/tokens) to back it up through the server");
            }
            throw e;
        }
    }

    private static void evalSciFact(Path dir, PrintStream out) {
        Path scratch = Scratch.create("lore-scifact-");
        Config config = Config.fromEnvironment(System.getenv()).withSeed(false).withDataDir(scratch);
        try (Lore lore = open(config)) {
            var eval = new SciFactEval(
                    lore.articles(),
                    q -> lore.search()
                            .search(
                                    SearchService.query(q, List.of(), List.of(), List.of(), List.of(), "", "", 1, 100),
                                    Optional.empty())
                            .results()
                            .hits());
            SciFactEval.Result r = eval.run(dir, Lore.ADMIN_ID, new ConsoleProgress(out));
            out.printf(
                    "%n| corpus | docs | queries | nDCG@10 | Recall@100 | import (s) | search (ms/query) |%n"
                            + "|---|---|---|---|---|---|---|%n| SciFact train | %d | %d | %.3f | %.3f | %.1f | %.2f |%n",
                    r.documents(),
                    r.queries(),
                    r.ndcgAt10(),
                    r.recallAt100(),
                    r.importSeconds(),
                    r.searchMillisPerQuery());
        }
    }

    private static void evalExperts(String[] args, PrintStream out) {
        Path repository = null;
        int maxCommits = Integer.MAX_VALUE;
        boolean verbose = false;
        boolean sweep = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--max-commits" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]*")) {
                        fail("--max-commits needs a positive number");
                    }
                    maxCommits = Integer.parseInt(args[++i]);
                }
                case "--verbose", "-v" -> verbose = true;
                case "--sweep" -> sweep = true;
                default -> {
                    if (repository != null) {
                        fail("eval-experts takes one repository; unexpected: " + args[i]);
                    }
                    repository = Path.of(args[i]);
                }
            }
        }
        if (repository == null) {
            fail("eval-experts needs a Git repository: java -jar lore.jar eval-experts REPO [--max-commits N]");
        }
        try {
            GitImport.requireRepository(repository);
        } catch (GitImportException e) {
            fail(e.getMessage());
        }
        Path scratch;
        try {
            scratch = Files.createTempDirectory("lore-eval-experts-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Config config = Config.fromEnvironment(System.getenv()).withSeed(false).withDataDir(scratch);
        long start = System.nanoTime();
        try (Lore lore = open(config)) {
            var rankings = sweep ? ExpertEval.sweep() : List.of(ExpertService.Ranking.DEFAULT);
            var results = ExpertEval.run(lore, repository, maxCommits, new ConsoleProgress(out), out, rankings);
            ExpertEval.print(results.getFirst(), repository.toString(), verbose, out);
            if (sweep) {
                ExpertEval.printSweep(rankings, results, out);
            }
        }
        out.printf("%nTook %.1f min (scratch data directory %s)%n", (System.nanoTime() - start) / 6e10, scratch);
    }

    private static void serve(boolean demo) throws InterruptedException {
        Config config = Config.fromEnvironment(System.getenv());
        Lore lore = open(demo ? config.withDemo(true) : config);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("lore-shutdown").unstarted(() -> {
                    lore.close();
                    stopped.countDown();
                }));
        lore.serve();
        lore.seedInBackground(); // /api/ready answers 503 until it is done
        stopped.await();
    }

    private static Lore open(Config config) {
        try {
            return Lore.open(config);
        } catch (GraphUnavailableException e) {
            fail(e.getMessage()); // the driver is closed: nothing else keeps the JVM alive
            throw e;
        } catch (RuntimeException e) {
            if (locked(e)) {
                fail("the data directory " + config.dataDir().toAbsolutePath()
                        + " is in use by a running Lore; stop it first (or point LORE_NEO4J_URI at a server)");
            }
            throw e;
        }
    }

    private static boolean locked(RuntimeException e) {
        return causes(e, "FileLockException") || String.valueOf(e.getMessage()).contains("lock");
    }

    private static boolean causes(Throwable e, String simpleName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    private static void fail(String message) {
        System.err.println("lore: " + message);
        System.exit(2);
    }
}
