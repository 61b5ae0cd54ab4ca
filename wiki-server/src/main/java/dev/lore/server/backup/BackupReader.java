package dev.lore.server.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lore.graph.backup.NodeRecord;
import dev.lore.graph.backup.RelationshipRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a {@code graph.jsonl.gz} written by {@link BackupWriter}, checking its order, counts and
 * checksum as it goes: a truncated, edited or corrupted file is a {@link BackupException} naming the
 * line. Read it once with {@link #verify} before writing anything, then again to load it.
 */
final class BackupReader {
    /** Receives what the file holds, in order. */
    interface Visitor {
        void header(BackupFormat.Header header);

        void node(NodeRecord node);

        void relationship(RelationshipRecord relationship);
    }

    private BackupReader() {}

    /** Reads the whole file without doing anything with it; returns its header once it checks out. */
    static BackupFormat.Header verify(Path file) {
        var header = new BackupFormat.Header[1];
        read(file, new Visitor() {
            @Override
            public void header(BackupFormat.Header h) {
                header[0] = h;
            }

            @Override
            public void node(NodeRecord node) {}

            @Override
            public void relationship(RelationshipRecord relationship) {}
        });
        return header[0];
    }

    static void read(Path file, Visitor visitor) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long lineNumber = 0;
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            BackupFormat.Header header = null;
            long nodes = 0;
            long relationships = 0;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                JsonNode json = parse(line, lineNumber);
                if (json.has("end")) {
                    check(header != null, lineNumber, "the end line comes before the header");
                    JsonNode end = json.get("end");
                    String expected = end.path("sha256").asText();
                    String actual = HexFormat.of().formatHex(sha256.digest());
                    check(
                            expected.equals(actual),
                            lineNumber,
                            "checksum mismatch: the file says " + expected + ", its content hashes to " + actual);
                    check(
                            end.path("nodes").asLong() == nodes
                                    && nodes == header.nodes()
                                    && end.path("relationships").asLong() == relationships
                                    && relationships == header.relationships(),
                            lineNumber,
                            "expected " + header.nodes() + " nodes and " + header.relationships()
                                    + " relationships, found " + nodes + " and " + relationships);
                    check(in.readLine() == null, lineNumber + 1, "lines after the end line");
                    return;
                }
                sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                if (lineNumber == 1) {
                    header = BackupFormat.Header.fromJson(json);
                    visitor.header(header);
                } else if (json.has("node")) {
                    check(relationships == 0, lineNumber, "a node after the relationships");
                    List<String> labels = new ArrayList<>();
                    json.path("labels").forEach(l -> labels.add(l.asText()));
                    visitor.node(new NodeRecord(
                            json.get("node").asLong(), labels, BackupFormat.properties(json.path("properties"))));
                    nodes++;
                } else if (json.has("from") && json.has("to") && json.hasNonNull("type")) {
                    visitor.relationship(new RelationshipRecord(
                            json.get("from").asLong(),
                            json.get("to").asLong(),
                            json.get("type").asText(),
                            BackupFormat.properties(json.path("properties"))));
                    relationships++;
                } else {
                    throw new BackupException(file + ", line " + lineNumber + ": neither a node nor a relationship");
                }
            }
            throw new BackupException(file + " is incomplete: it ends after line " + lineNumber
                    + " without its end line (an interrupted backup or a truncated copy)");
        } catch (BackupException e) {
            if (e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new BackupException(file + ", line " + lineNumber + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupException(file + " cannot be read after line " + lineNumber + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new BackupException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static JsonNode parse(String line, long number) {
        try {
            return BackupFormat.JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BackupException("not JSON: " + e.getOriginalMessage());
        }
    }

    private static void check(boolean ok, long line, String problem) {
        if (!ok) {
            throw new BackupException(problem);
        }
    }
}
