package dev.lore.server.attachment;

import dev.lore.server.error.UnsupportedMediaTypeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * What a file is, decided by its bytes (Tika's magic numbers and container inspection); the name
 * only breaks ties between types the bytes cannot tell apart (plain text, CSV, Markdown). Also
 * which types Lore accepts, which it shows inline, and which it extracts text from. Thread-safe.
 */
public final class FileTypes {
    /** Shown in the page (img, video, audio): the bytes cannot run script in these types. */
    private static final Set<String> INLINE = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "video/mp4",
            "video/webm",
            "video/ogg",
            "audio/mpeg",
            "audio/ogg",
            "audio/vorbis",
            "audio/wav",
            "audio/vnd.wave",
            "audio/x-wav",
            "audio/webm",
            "audio/mp4");

    private static final Set<String> OFFICE_PREFIXES = Set.of(
            "application/vnd.openxmlformats-officedocument.",
            "application/vnd.oasis.opendocument.",
            "application/vnd.ms-",
            "application/x-tika-ooxml",
            "application/x-tika-msoffice");

    private static final Set<String> ACCEPTED_OTHER = Set.of(
            "application/pdf",
            "application/msword",
            "application/rtf",
            "application/zip",
            "application/gzip",
            "application/json",
            "application/xml",
            "application/x-yaml",
            "application/octet-stream");

    /** Tika's detector reads its type tables when made: beside the start, not in its way. */
    private final dev.lore.server.ops.Prepared<Detector> detector =
            dev.lore.server.ops.Prepared.inBackground("lore-file-types", DefaultDetector::new);

    /** The type of the content in {@code in} (read as far as detection needs; the caller closes it). */
    public String detect(InputStream in, String name) throws IOException {
        var metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        try (TikaInputStream tis = TikaInputStream.get(in)) {
            MediaType type = detector.get().detect(tis, metadata);
            return type.getBaseType().toString().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @throws UnsupportedMediaTypeException (415) for programs and other types Lore does not keep
     */
    public static void requireAccepted(String type) {
        if (!accepted(type)) {
            throw new UnsupportedMediaTypeException("files of type " + type
                    + " are not accepted; Lore keeps images, audio, video, text, PDF, office documents and archives");
        }
    }

    static boolean accepted(String type) {
        return type.startsWith("image/")
                || type.startsWith("audio/")
                || type.startsWith("video/")
                || type.startsWith("text/")
                || ACCEPTED_OTHER.contains(type)
                || OFFICE_PREFIXES.stream().anyMatch(type::startsWith);
    }

    /** Whether a page may show the file in place; everything else is only downloaded. */
    public static boolean inline(String type) {
        return INLINE.contains(type);
    }

    public static boolean image(String type) {
        return type.startsWith("image/") && INLINE.contains(type);
    }

    /** Whether its text is worth extracting for search. */
    public static boolean extractable(String type) {
        return type.equals("application/pdf")
                || type.equals("application/msword")
                || type.equals("application/rtf")
                || (type.startsWith("text/") && !type.equals("text/html"))
                || OFFICE_PREFIXES.stream().anyMatch(type::startsWith);
    }
}
