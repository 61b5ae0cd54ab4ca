package dev.lore.server.backup;

import dev.lore.graph.Graph;
import dev.lore.graph.Schema;
import dev.lore.graph.backup.GraphLoad;
import dev.lore.graph.backup.NodeRecord;
import dev.lore.graph.backup.RelationshipRecord;
import dev.lore.server.Config;
import dev.lore.server.OpenGraph;
import dev.lore.server.Scratch;
import dev.lore.server.seed.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a graph from a backup folder: checks the whole file first (format version, checksums,
 * counts), then recreates every node and relationship with all labels, types and properties,
 * then the schema (constraints and indexes), and removes the old search index so the next start
 * rebuilds it from the graph. The target must be empty: an empty or absent {@code LORE_DATA_DIR}
 * for the embedded database, an empty database for {@code LORE_NEO4J_URI}; with {@code force} an
 * existing graph is deleted first. Nothing may be running on the target meanwhile.
 */
public final class Restore {
    private static final Logger LOG = LoggerFactory.getLogger(Restore.class);
    private static final int BATCH = 1_000;

    private Restore() {}

    /** What a restore loaded. */
    public record Restored(BackupFormat.Header header, long nodes, long relationships) {}

    public static Restored run(Path backupDir, Config config, boolean force, Progress progress) {
        Path file = backupDir.resolve(BackupFormat.GRAPH_FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(
                    "no backup in " + backupDir.toAbsolutePath() + ": " + BackupFormat.GRAPH_FILE + " is missing");
        }
        checkSums(backupDir, file);
        BackupFormat.Header header = BackupReader.verify(file);
        if (config.neo4jUri().isEmpty() && !force && !isEmpty(config.dataDir())) {
            throw new BackupException("the data directory " + config.dataDir().toAbsolutePath()
                    + " is not empty: restore into a new one, or add --force to replace what it holds");
        }
        long started = System.nanoTime();
        try (OpenGraph open = OpenGraph.open(config)) {
            Graph graph = open.graph();
            long existing = GraphLoad.count(graph).nodes();
            if (existing > 0) {
                if (!force) {
                    throw new BackupException("the database already holds " + existing
                            + " nodes: restore into an empty one, or add --force to delete them first");
                }
                LOG.info("Deleting the {} nodes the database holds (--force)", existing);
                GraphLoad.deleteEverything(graph);
            }
            load(file, new GraphLoad(graph), header, progress);
            var counts = GraphLoad.count(graph);
            if (counts.nodes() != header.nodes() || counts.relationships() != header.relationships()) {
                throw new BackupException("restored " + counts.nodes() + " nodes and " + counts.relationships()
                        + " relationships, the backup holds " + header.nodes() + " and " + header.relationships());
            }
            Schema.apply(graph);
        }
        // derived: the next open catches the empty index up from change 0, as reindex does
        Scratch.delete(config.indexDir());
        LOG.info(
                "Restored {} nodes and {} relationships (change {}) in {} ms",
                header.nodes(),
                header.relationships(),
                header.changeSeq(),
                (System.nanoTime() - started) / 1_000_000);
        return new Restored(header, header.nodes(), header.relationships());
    }

    /**
     * Copies the attachments' files of a backup ({@code dir/files}, absent in backups without files)
     * into the store {@code config} names; files it already has are kept.
     */
    public static dev.lore.server.attachment.BlobCopy.Copied files(Path backupDir, Config config) {
        try (var files = config.files().open(config.dataDir());
                var backup = dev.lore.server.attachment.BlobCopy.inBackup(backupDir)) {
            var copied = dev.lore.server.attachment.BlobCopy.copyAll(backup, files);
            LOG.info("Restored {} files ({} bytes) into {}", copied.blobs(), copied.bytes(), files.describe());
            return copied;
        }
    }

    private static void load(Path file, GraphLoad load, BackupFormat.Header header, Progress progress) {
        var nodes = new ArrayList<NodeRecord>(BATCH);
        var relationships = new ArrayList<RelationshipRecord>(BATCH);
        long[] done = new long[2];
        BackupReader.read(file, new BackupReader.Visitor() {
            @Override
            public void header(BackupFormat.Header h) {}

            @Override
            public void node(NodeRecord node) {
                nodes.add(node);
                if (nodes.size() == BATCH) {
                    done[0] += flushNodes(load, nodes);
                    progress.update((int) done[0], (int) header.nodes(), "nodes");
                }
            }

            @Override
            public void relationship(RelationshipRecord relationship) {
                if (!nodes.isEmpty()) {
                    done[0] += flushNodes(load, nodes);
                    progress.update((int) done[0], (int) header.nodes(), "nodes");
                }
                relationships.add(relationship);
                if (relationships.size() == BATCH) {
                    done[1] += flushRelationships(load, relationships);
                    progress.update((int) done[1], (int) header.relationships(), "relationships");
                }
            }
        });
        if (!nodes.isEmpty() || done[0] < header.nodes()) {
            done[0] += flushNodes(load, nodes);
            progress.update((int) done[0], (int) header.nodes(), "nodes");
        }
        if (!relationships.isEmpty() || done[1] < header.relationships()) {
            done[1] += flushRelationships(load, relationships);
            progress.update((int) done[1], (int) header.relationships(), "relationships");
        }
    }

    private static int flushNodes(GraphLoad load, List<NodeRecord> batch) {
        int n = batch.size();
        if (n > 0) {
            load.nodes(batch);
        }
        batch.clear();
        return n;
    }

    private static int flushRelationships(GraphLoad load, List<RelationshipRecord> batch) {
        int n = batch.size();
        if (n > 0) {
            load.relationships(batch);
        }
        batch.clear();
        return n;
    }

    /** Compares the graph file with SHA256SUMS, when the folder has one. */
    private static void checkSums(Path dir, Path file) {
        Path sums = dir.resolve(BackupFormat.CHECKSUMS);
        if (!Files.isRegularFile(sums)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(sums)) {
                String[] parts = line.strip().split("\\s+\\*?", 2);
                if (parts.length == 2 && parts[1].equals(BackupFormat.GRAPH_FILE)) {
                    String actual = Backups.sha256(file);
                    if (!parts[0].equalsIgnoreCase(actual)) {
                        throw new BackupException(file + " does not match " + BackupFormat.CHECKSUMS + ": expected "
                                + parts[0] + ", found " + actual + " (a damaged copy)");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sums, e);
        }
    }

    private static boolean isEmpty(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir, e);
        }
    }
}
