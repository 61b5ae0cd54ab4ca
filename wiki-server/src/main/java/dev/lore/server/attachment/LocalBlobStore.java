package dev.lore.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Blobs in a folder ({@code LORE_DATA_DIR/files} by default): {@code ab/cd/abcd...} by hash, and
 * a {@code tmp/} folder where uploads arrive. An upload is renamed into place only once it is whole
 * and hashed, so a crash leaves at most a stray file in {@code tmp/}, never a partial blob.
 */
public final class LocalBlobStore implements BlobStore {
    private final Path root;
    private final Path tmp;

    public LocalBlobStore(Path root) {
        this.root = root;
        this.tmp = root.resolve("tmp");
    }

    public Path root() {
        return root;
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        try (Blobs.Staged staged = Blobs.stage(content, maxBytes, tmp)) {
            Path target = pathOf(staged.sha256());
            if (Files.exists(target)) {
                touch(target);
            } else {
                Files.createDirectories(target.getParent());
                try {
                    Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    // the same bytes arrived at the same moment: one copy is enough
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the blob folder " + root + " cannot rename atomically", e);
                }
            }
            return new StoredBlob(staged.sha256(), staged.size());
        }
    }

    /** Marks existing bytes as just written, so {@code gc-files} leaves them to the upload that wants them. */
    private static void touch(Path blob) throws IOException {
        try {
            Files.setLastModifiedTime(blob, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (NoSuchFileException e) {
            // collected at this very moment: a later check in put's caller finds the blob missing
        }
    }

    @Override
    public Optional<java.time.Instant> modified(String sha256) throws IOException {
        Path file = pathOf(sha256);
        try {
            return Optional.of(Files.getLastModifiedTime(file).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Listed> entries() throws IOException {
        var listed = new ArrayList<Listed>();
        for (String sha : list()) {
            Path file = pathOf(sha);
            try {
                var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                listed.add(
                        new Listed(sha, attrs.size(), attrs.lastModifiedTime().toInstant()));
            } catch (NoSuchFileException e) {
                // removed while listing
            }
        }
        return listed;
    }

    @Override
    public Optional<Long> size(String sha256) throws IOException {
        Path file = pathOf(sha256);
        return Files.isRegularFile(file) ? Optional.of(Files.size(file)) : Optional.empty();
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(pathOf(sha256));
        channel.position(offset);
        return new Bounded(Channels.newInputStream(channel), length);
    }

    @Override
    public void delete(String sha256) throws IOException {
        Files.deleteIfExists(pathOf(sha256));
    }

    @Override
    public List<String> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        var hashes = new ArrayList<String>();
        try (Stream<Path> files = Files.walk(root, 3)) {
            files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(Blobs::isHash)
                    .forEach(hashes::add);
        }
        return hashes;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }

    Path pathOf(String sha256) throws NoSuchFileException {
        Blobs.requireHash(sha256);
        return root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
    }

    /** At most {@code remaining} bytes of a stream. */
    static final class Bounded extends InputStream {
        private final InputStream in;
        private long remaining;

        Bounded(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
