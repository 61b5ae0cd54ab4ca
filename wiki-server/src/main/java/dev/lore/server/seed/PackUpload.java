package dev.lore.server.seed;

import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A seed pack that arrived over HTTP, unpacked into a fresh temporary folder for {@link
 * MarkdownImport}: a zip, or the files of a browser folder upload with their relative paths. Both
 * are checked the same way: no absolute names, no {@code ..}, no symbolic links, no name part over
 * {@link #MAX_NAME_BYTES} bytes, at most {@link
 * #MAX_ENTRIES} files and {@link #MAX_UNPACKED_BYTES} unpacked (counted while inflating, not taken
 * from the zip's headers). One top-level folder holding everything is the pack's root. Closing
 * deletes the folder. Not thread-safe; one per upload.
 */
public final class PackUpload implements AutoCloseable {
    /** The largest upload: a zip body, or a folder's files together. */
    public static final long MAX_UPLOAD_BYTES = 16L << 20;

    public static final long MAX_UNPACKED_BYTES = 64L << 20;
    public static final int MAX_ENTRIES = 900;
    /** The longest file or folder name in a pack, in UTF-8 bytes: what common file systems allow. */
    public static final int MAX_NAME_BYTES = 255;
    /** The longest relative path in a pack, in UTF-8 bytes, well within the temporary folder's limit. */
    public static final int MAX_PATH_BYTES = 1024;

    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int EOCD = 0x06054b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private final Path dir;
    private final List<MarkdownImport.Skipped> skipped = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private long unpacked;

    private PackUpload() {
        try {
            dir = Files.createTempDirectory("lore-pack-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the upload", e);
        }
    }

    /** A file of a folder upload: its path relative to the chosen folder, and its bytes. */
    public record UploadedFile(String name, long size, InputStream content) {}

    /** Reads at most {@link #MAX_UPLOAD_BYTES} of {@code body}; more is a 413. */
    public static byte[] readBounded(InputStream body) {
        try {
            byte[] bytes = body.readNBytes((int) MAX_UPLOAD_BYTES + 1);
            if (bytes.length > MAX_UPLOAD_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new InvalidInputException("could not read the upload: " + e.getMessage());
        }
    }

    /** Unpacks a zip. */
    public static PackUpload fromZip(byte[] zip) {
        List<String> central = centralDirectory(zip);
        var upload = new PackUpload();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            int entries = 0;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw tooManyEntries();
                }
                if (!central.contains(entry.getName())) {
                    throw new InvalidInputException(
                            "malformed zip: '" + entry.getName() + "' is not in the zip's directory");
                }
                if (!entry.isDirectory()) {
                    upload.add(entry.getName(), in);
                } else {
                    checkName(entry.getName());
                }
            }
        } catch (ZipException e) {
            upload.close();
            throw new InvalidInputException("malformed zip: " + e.getMessage());
        } catch (IOException e) {
            upload.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        return upload;
    }

    /** Writes a folder upload's files. */
    public static PackUpload fromFiles(List<UploadedFile> files) {
        if (files.isEmpty()) {
            throw new InvalidInputException("the upload holds no files");
        }
        if (files.size() > MAX_ENTRIES) {
            throw tooManyEntries();
        }
        long total = files.stream().mapToLong(UploadedFile::size).sum();
        if (total > MAX_UPLOAD_BYTES) {
            throw tooLarge();
        }
        var upload = new PackUpload();
        try {
            for (UploadedFile file : files) {
                try (InputStream in = file.content()) {
                    upload.add(file.name(), in);
                }
            }
        } catch (IOException e) {
            upload.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
        return upload;
    }

    /** The pack's root: the folder, or the one folder inside it that holds everything. */
    public Path root() {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.toList();
            if (all.size() == 1 && Files.isDirectory(all.getFirst())) {
                return all.getFirst();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Entries left out before the import saw them (macOS metadata). */
    public List<MarkdownImport.Skipped> skipped() {
        return List.copyOf(skipped);
    }

    private void add(String rawName, InputStream in) throws IOException {
        String name = checkName(rawName);
        if (name.startsWith("__MACOSX/") || name.contains("/__MACOSX/")) {
            skipped.add(new MarkdownImport.Skipped(name, "macOS metadata"));
            return;
        }
        if (!names.add(name)) {
            throw new InvalidInputException("'" + name + "' appears twice in the upload");
        }
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir) || target.equals(dir)) {
            throw new InvalidInputException("'" + rawName + "' would be written outside the pack");
        }
        try {
            Files.createDirectories(target.getParent());
            try (OutputStream out = Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw new TooLargeException("the pack unpacks to more than " + (MAX_UNPACKED_BYTES >> 20)
                                + " MiB; split it into smaller packs");
                    }
                    out.write(buffer, 0, n);
                }
            }
        } catch (FileAlreadyExistsException e) {
            throw new InvalidInputException("'" + name + "' is both a file and a folder in the upload");
        }
    }

    /** The name with forward slashes and no empty or {@code .} parts; refuses anything that could escape. */
    static String checkName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("a file in the upload has no name");
        }
        if (raw.indexOf('\0') >= 0 || raw.indexOf('\\') >= 0) {
            throw new InvalidInputException("'" + printable(raw) + "' is not a valid file name (no \\ or NUL)");
        }
        if (raw.startsWith("/") || DRIVE.matcher(raw).matches()) {
            throw new InvalidInputException("'" + raw + "' is an absolute path; a pack holds only relative ones");
        }
        var parts = new ArrayList<String>();
        for (String part : raw.split("/")) {
            if (part.equals("..")) {
                throw new InvalidInputException("'" + raw + "' leaves the pack (..); a pack holds only relative paths");
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        if (parts.isEmpty()) {
            throw new InvalidInputException("'" + raw + "' is not a file name");
        }
        for (String part : parts) { // file systems refuse longer names, which would fail the write
            if (part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                throw new InvalidInputException("'" + abbreviate(raw) + "' has a file or folder name longer than "
                        + MAX_NAME_BYTES + " bytes; shorten it");
            }
        }
        String name = String.join("/", parts);
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw new InvalidInputException(
                    "'" + abbreviate(raw) + "' is a path longer than " + MAX_PATH_BYTES + " bytes; shorten it");
        }
        return name;
    }

    /**
     * The names in the zip's central directory, checked: a zip at all, not too many entries, no
     * symbolic links (Unix mode bits in the external attributes) and no unsafe names.
     */
    private static List<String> centralDirectory(byte[] zip) {
        var buf = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int eocd = -1;
        for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
            if (buf.getInt(i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw new InvalidInputException("not a zip file");
        }
        int count = Short.toUnsignedInt(buf.getShort(eocd + 10));
        long offset = Integer.toUnsignedLong(buf.getInt(eocd + 16));
        if (count == 0xFFFF || offset == 0xFFFFFFFFL) {
            throw tooManyEntries(); // ZIP64: far beyond what a pack may hold
        }
        if (count > MAX_ENTRIES) {
            throw tooManyEntries();
        }
        var names = new ArrayList<String>();
        int at = (int) Math.min(offset, zip.length);
        for (int i = 0; i < count; i++) {
            if (at + 46 > zip.length || buf.getInt(at) != CENTRAL_HEADER) {
                throw new InvalidInputException("malformed zip: its directory is damaged");
            }
            int madeBy = Short.toUnsignedInt(buf.getShort(at + 4)) >> 8;
            int nameLength = Short.toUnsignedInt(buf.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(buf.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(buf.getShort(at + 32));
            long external = Integer.toUnsignedLong(buf.getInt(at + 38));
            if (at + 46 + nameLength > zip.length) {
                throw new InvalidInputException("malformed zip: its directory is damaged");
            }
            String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
            if (madeBy == UNIX && ((external >>> 16) & S_IFMT) == S_IFLNK) {
                throw new InvalidInputException(
                        "'" + name + "' is a symbolic link; a pack holds only files and folders");
            }
            checkName(name);
            names.add(name);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return names;
    }

    private static TooLargeException tooLarge() {
        return new TooLargeException(
                "a seed pack upload must be at most " + (MAX_UPLOAD_BYTES >> 20) + " MiB; split it into smaller packs");
    }

    private static TooLargeException tooManyEntries() {
        return new TooLargeException("a seed pack may hold at most " + MAX_ENTRIES + " files");
    }

    private static String abbreviate(String raw) {
        return raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
    }

    private static String printable(String raw) {
        return raw.replace("\0", "\\0");
    }

    @Override
    public void close() {
        dev.lore.server.Scratch.delete(dir); // best effort: the OS cleans its temp folder
    }
}
