package dev.lore.server.backup;

import dev.lore.graph.Graph;
import dev.lore.graph.backup.GraphDump;
import dev.lore.server.error.ConflictException;
import dev.lore.server.seed.Progress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes backups of the graph (see {@link BackupFormat}): a consistent snapshot read by {@link
 * GraphDump} while the server keeps running (writes wait for the read; reads go on). One backup
 * runs at a time per server. Thread-safe.
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    private final Graph graph;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    public Backups(Graph graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /** What a backup holds. */
    public record Made(Path file, long changeSeq, long nodes, long relationships, long bytes) {}

    /**
     * Writes {@code graph.jsonl.gz} to {@code file} (through a temporary file beside it, moved into
     * place once complete, so an interrupted backup never looks like a finished one).
     *
     * @throws ConflictException if another backup is running on this server
     */
    public Made writeGraphFile(Path file, Progress progress) {
        if (!running.tryLock()) {
            throw new ConflictException("a backup is already running on this server; try again when it has finished");
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            long started = System.nanoTime();
            GraphDump.Counts counts;
            try (OutputStream out = Files.newOutputStream(partial)) {
                var writer = new BackupWriter(out, progress, clock);
                counts = GraphDump.dump(graph, writer);
                writer.finish();
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            long bytes = Files.size(file);
            LOG.info(
                    "Backed up the graph at change {}: {} nodes, {} relationships, {} KiB in {} ms",
                    counts.changeSeq(),
                    counts.nodes(),
                    counts.relationships(),
                    bytes >> 10,
                    (System.nanoTime() - started) / 1_000_000);
            return new Made(file, counts.changeSeq(), counts.nodes(), counts.relationships(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup to " + file, e);
        } finally {
            running.unlock();
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // best effort: a leftover .partial file is never read
            }
        }
    }

    /** Makes a complete backup folder at {@code dir}, which must be absent or empty. */
    public Made backupTo(Path dir, Progress progress) {
        requireEmptyFolder(dir);
        Made made = writeGraphFile(dir.resolve(BackupFormat.GRAPH_FILE), progress);
        writeChecksums(dir);
        return made;
    }

    /**
     * Checks the graph file in {@code dir} (format, order, counts, checksum) and writes {@code
     * SHA256SUMS} for it.
     */
    public static BackupFormat.Header writeChecksums(Path dir) {
        Path file = dir.resolve(BackupFormat.GRAPH_FILE);
        BackupFormat.Header header = BackupReader.verify(file);
        try {
            Files.writeString(
                    dir.resolve(BackupFormat.CHECKSUMS), sha256(file) + "  " + BackupFormat.GRAPH_FILE + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(BackupFormat.CHECKSUMS), e);
        }
        return header;
    }

    /**
     * Copies the attachments' files from the store {@code config} names into {@code dir/files}.
     * Run after the graph is backed up, so every file it refers to is there; files stored later are
     * harmless extras.
     */
    public static dev.lore.server.attachment.BlobCopy.Copied copyFiles(dev.lore.server.Config config, Path dir) {
        try (var files = config.files().open(config.dataDir());
                var backup = dev.lore.server.attachment.BlobCopy.inBackup(dir)) {
            var copied = dev.lore.server.attachment.BlobCopy.copyAll(files, backup);
            LOG.info("Backed up {} files ({} bytes) from {}", copied.blobs(), copied.bytes(), files.describe());
            return copied;
        }
    }

    /** Refuses a backup folder that already holds something: backups are never overwritten. */
    public static void requireEmptyFolder(Path dir) {
        try {
            if (Files.exists(dir)) {
                if (!Files.isDirectory(dir)) {
                    throw new BackupException(dir.toAbsolutePath() + " is a file, not a folder");
                }
                try (var entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new BackupException(
                                dir.toAbsolutePath() + " is not empty: give a new folder for each backup");
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    static String sha256(Path file) {
        try (var in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
