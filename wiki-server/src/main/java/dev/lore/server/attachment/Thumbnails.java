package dev.lore.server.attachment;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Small PNG previews of images (JPEG, PNG, GIF, and WebP or others where an ImageIO reader is
 * installed), at most {@value #EDGE} pixels on their longer side. A thumbnail is made on first
 * request, stored in the blob store like any file (so it is content-addressed too), and remembered
 * by the source's hash; after a restart it is made again once. Images that cannot be decoded, or
 * are too large to decode safely, are remembered as such and get no thumbnail. Thread-safe.
 */
public final class Thumbnails {
    private static final Logger LOG = LoggerFactory.getLogger(Thumbnails.class);
    static final int EDGE = 320;
    /** Larger sources are not decoded: their thumbnail would cost too much memory and time. */
    static final long MAX_SOURCE_BYTES = 50L << 20;

    static final long MAX_PIXELS = 100_000_000L;
    private static final int MAX_REMEMBERED = 10_000;
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/bmp");

    private final BlobStore blobs;
    private final java.util.function.BiConsumer<String, String> recordMade;
    private final Map<String, Optional<String>> made = new ConcurrentHashMap<>();

    public Thumbnails(BlobStore blobs) {
        this(blobs, (source, thumb) -> {});
    }

    /**
     * @param recordMade told each time a thumbnail is stored (the source's hash, the thumbnail's),
     *     so the graph can name it as in use
     */
    public Thumbnails(BlobStore blobs, java.util.function.BiConsumer<String, String> recordMade) {
        this.blobs = blobs;
        this.recordMade = recordMade;
    }

    /** Whether Lore tries a thumbnail for this type: a raster image an installed ImageIO reader decodes. */
    public static boolean scalable(String type) {
        return TYPES.contains(type) && ImageIO.getImageReadersByMIMEType(type).hasNext();
    }

    /** Whether these bytes are known not to give a thumbnail (tried before and failed). */
    public boolean failed(String sha256) {
        return made.getOrDefault(sha256, Optional.of("")).isEmpty();
    }

    /**
     * The hash of the thumbnail blob of an image, made now if need be; empty for a type Lore does
     * not scale or bytes that do not decode.
     */
    public Optional<String> of(String sha256, String type, long size) {
        if (!scalable(type) || size > MAX_SOURCE_BYTES) {
            return Optional.empty();
        }
        Optional<String> known = made.get(sha256);
        if (known != null && known.map(this::present).orElse(true)) {
            return known;
        }
        Optional<String> thumb = make(sha256, type, size);
        if (made.size() >= MAX_REMEMBERED) {
            made.clear();
        }
        made.put(sha256, thumb);
        return thumb;
    }

    private boolean present(String thumbSha) {
        try {
            return blobs.size(thumbSha).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private Optional<String> make(String sha256, String type, long size) {
        try (InputStream in = blobs.open(sha256, 0, size)) {
            Optional<BufferedImage> small = scale(in, type);
            if (small.isEmpty()) {
                return Optional.empty();
            }
            var png = new ByteArrayOutputStream();
            ImageIO.write(small.get(), "png", png);
            String thumb = blobs.put(new ByteArrayInputStream(png.toByteArray()), MAX_SOURCE_BYTES)
                    .sha256();
            recordMade.accept(sha256, thumb);
            return Optional.of(thumb);
        } catch (IOException | RuntimeException e) {
            // a corrupt or hostile image: no thumbnail, never an error page
            LOG.info("No thumbnail for {} ({}): {}", sha256, type, e.toString());
            return Optional.empty();
        }
    }

    /** Decodes the image with subsampling (so a huge picture never fills memory) and scales it to fit. */
    static Optional<BufferedImage> scale(InputStream in, String type) throws IOException {
        var readers = ImageIO.getImageReadersByMIMEType(type);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try (var stream = new MemoryCacheImageInputStream(in)) {
            reader.setInput(stream, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                return Optional.empty();
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = Math.max(1, Math.max(w, h) / (EDGE * 2));
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage source = reader.read(0, param);
            return Optional.of(fit(source));
        } finally {
            reader.dispose();
        }
    }

    private static BufferedImage fit(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        double k = Math.min(1.0, (double) EDGE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * k));
        int th = Math.max(1, (int) Math.round(h * k));
        var out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
