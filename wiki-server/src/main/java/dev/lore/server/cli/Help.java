package dev.lore.server.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code lore --help}: the commands and the configuration, in brief. */
public final class Help implements Command {
    /** The usage text, also printed (to standard error) after an unknown command. */
    public static final String TEXT = """
            Usage: java -jar lore.jar [command]

            Commands:
              serve [--demo] start the wiki on LORE_HOST:LORE_PORT (default 127.0.0.1:7070); the
                             default command. --demo (or LORE_DEMO=true): the seed pack's people
                             sign in with the published demo password; never for real content
              graph          run only the database: a standalone Neo4j Bolt server on
                             LORE_GRAPH_LISTEN (default 127.0.0.1:7687) with its store in
                             LORE_DATA_DIR/neo4j, for several Lore servers to share through
                             LORE_NEO4J_URI; user neo4j, password LORE_NEO4J_PASSWORD (needed
                             unless it listens on loopback)
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
              gc-files [--dry-run] [--keep-hours N]
                             remove stored files no attachment uses any more (deleted files,
                             interrupted uploads, their thumbnails), keeping those written in
                             the last N hours (default 1); --dry-run only counts them; through
                             the running server with LORE_ADMIN_TOKEN, like backup
              bench-scale [SERVERS] [REQUESTS] [CLIENTS] [ARTICLES]
                             several Lore servers on one database in a scratch directory
                             (default 2 servers, 2000 requests, 8 clients, 200 articles):
                             mixed read/write throughput and latency, ratio to one server,
                             index convergence p50/p99 across servers
              bench-scale build [ARTICLES]
                             a fresh server's search index build from the graph (default
                             2000 synthetic articles), against plain Lucene indexing them
              bench-search [ARTICLES] [REQUESTS]
                             search benchmark on a synthetic wiki (default 100000 articles,
                             2000 requests per concurrency level) in a scratch directory
              bench-semantic [ARTICLES] [REQUESTS]
                             cost of search by meaning in the index alone: embedding
                             throughput, index size, heap, lexical vs hybrid latency at 1 and
                             8 clients (default 10000 synthetic articles, 1000 requests)
              bench-experts [PEOPLE] [SKILLS] [ARTICLES] [REQUESTS] [--data DIR]
                             expertise benchmark on a synthetic organisation (default 10000
                             people, 2000 skills, 100000 articles, 1000 requests per level);
                             --data keeps the organisation in DIR and reuses it next time
              bench-files [FILES]
                             attachment benchmark: uploads, downloads and text extraction of FILES
                             generated images, PDFs and docx files (default 1000) in a scratch
                             Lore, as rates and as ratios to a plain file copy
              bench-git-import [COMMITS] [FILES] [AUTHORS]
                             Git import benchmark on a synthetic repository (default 10000
                             commits, 1000 Markdown files, 50 authors) in a scratch directory
              bench-start [VIEWS]
                             start benchmark: lore serve as its own process on a fresh data
                             directory with the seed pack, then restarted: time and CPU to
                             healthy and ready, first and warm views of the home page, an
                             article and a profile, against a bare Javalin server's start
              bench-notify [EDITS] [DELIVERIES] [WATCHERS...]
                             notification benchmark in a scratch directory: what watchers add
                             to a save (default 200 edits, 100 watchers) and webhook deliveries
                             per second to a local endpoint (default 2000)
              eval-scifact DIR
                             measure ranking on SciFact (BEIR) in a scratch data directory:
                             prints nDCG@10 and Recall@100
              eval-experts REPO... [--max-commits N] [--verbose] [--sweep]
                             measure expert finding on Git repositories, each in a scratch
                             data directory: folders with 5+ Markdown files and 5+ authors are
                             topics, git blame's line shares and lines added over the whole
                             history the two truths, the document model a baseline; prints
                             nDCG@10 and P@5 per repository and their macro average
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

    @Override
    public void run(List<String> args, PrintStream out) {
        out.print(TEXT);
    }
}
