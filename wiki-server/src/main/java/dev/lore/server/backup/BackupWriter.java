package dev.lore.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lore.graph.backup.GraphDump;
import dev.lore.graph.backup.NodeRecord;
import dev.lore.graph.backup.RelationshipRecord;
import dev.lore.server.seed.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a graph dump as {@link BackupFormat}'s {@code graph.jsonl.gz} to a stream: header, nodes,
 * relationships, then the end line with the counts and the SHA-256 of everything before it. Not
 * thread-safe; {@link #finish()} completes the gzip stream (and closes it).
 */
final class BackupWriter implements GraphDump.Sink {
    private static final int PROGRESS_EVERY = 1_000;
    private final OutputStream out;
    private final MessageDigest sha256;
    private final Progress progress;
    private final Clock clock;
    private long nodes;
    private long relationships;
    private long expectedNodes;
    private long expectedRelationships;

    BackupWriter(OutputStream target, Progress progress, Clock clock) {
        try {
            this.out = new GZIPOutputStream(new BufferedOutputStream(target, 1 << 16), 1 << 16);
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public void start(long changeSeq, long nodeCount, long relationshipCount) {
        expectedNodes = nodeCount;
        expectedRelationships = relationshipCount;
        var header = new BackupFormat.Header(
                BackupFormat.VERSION,
                BackupFormat.loreVersion(),
                changeSeq,
                nodeCount,
                relationshipCount,
                clock.instant().toString(),
                0);
        line(header.toJson(), true);
    }

    @Override
    public void node(NodeRecord node) {
        ObjectNode line = BackupFormat.JSON.createObjectNode();
        line.put("node", node.id());
        var labels = line.putArray("labels");
        node.labels().forEach(labels::add);
        line.set("properties", BackupFormat.properties(node.properties()));
        line(line, true);
        nodes++;
        if (nodes % PROGRESS_EVERY == 0 || nodes == expectedNodes) {
            progress.update((int) nodes, (int) expectedNodes, "nodes");
        }
    }

    @Override
    public void relationship(RelationshipRecord r) {
        ObjectNode line = BackupFormat.JSON.createObjectNode();
        line.put("from", r.from());
        line.put("to", r.to());
        line.put("type", r.type());
        line.set("properties", BackupFormat.properties(r.properties()));
        line(line, true);
        relationships++;
        if (relationships % PROGRESS_EVERY == 0 || relationships == expectedRelationships) {
            progress.update((int) relationships, (int) expectedRelationships, "relationships");
        }
    }

    /** Writes the end line and completes the file. */
    void finish() {
        ObjectNode end = BackupFormat.JSON.createObjectNode();
        ObjectNode counts = end.putObject("end");
        counts.put("nodes", nodes);
        counts.put("relationships", relationships);
        counts.put("sha256", HexFormat.of().formatHex(sha256.digest()));
        line(end, false);
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup", e);
        }
    }

    private void line(JsonNode json, boolean hashed) {
        try {
            byte[] bytes = (BackupFormat.JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8);
            if (hashed) {
                sha256.update(bytes);
            }
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup", e);
        }
    }
}
