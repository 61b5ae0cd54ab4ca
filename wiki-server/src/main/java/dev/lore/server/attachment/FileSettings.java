package dev.lore.server.attachment;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where attachments' bytes live and how large one may be. Read once at start.
 *
 * @param s3 an S3-compatible object store ({@code LORE_BLOBS=s3://bucket/prefix}); empty keeps the
 *     blobs in {@code LORE_DATA_DIR/files}
 * @param maxFileBytes the largest file one upload may carry ({@code LORE_MAX_FILE_SIZE}, default
 *     100m)
 */
public record FileSettings(Optional<S3> s3, long maxFileBytes) {
    public static final long DEFAULT_MAX_FILE_BYTES = 100L << 20;
    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d{1,15})\\s*([kmg]?)i?b?\\s*");

    public FileSettings {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the largest file must be at least 1 byte, was " + maxFileBytes);
        }
    }

    /**
     * An S3-compatible bucket ({@code LORE_S3_ENDPOINT}, {@code LORE_S3_REGION} default {@code
     * us-east-1}, {@code LORE_S3_ACCESS_KEY}, {@code LORE_S3_SECRET_KEY}), addressed path-style.
     */
    public record S3(
            String bucket,
            String prefix,
            Optional<String> endpoint,
            String region,
            String accessKey,
            String secretKey) {
        @Override
        public String toString() { // never the secret
            return "S3[s3://" + bucket + "/" + prefix
                    + endpoint.map(e -> " at " + e).orElse("") + "]";
        }
    }

    /** Blobs in the data directory, 100 MiB per file. */
    public static FileSettings defaults() {
        return new FileSettings(Optional.empty(), DEFAULT_MAX_FILE_BYTES);
    }

    public static FileSettings fromEnvironment(Map<String, String> env) {
        long max = parseSize(env.getOrDefault("LORE_MAX_FILE_SIZE", "100m"));
        String blobs = env.getOrDefault("LORE_BLOBS", "").strip();
        if (blobs.isEmpty() || blobs.equals("local")) {
            return new FileSettings(Optional.empty(), max);
        }
        URI uri;
        try {
            uri = URI.create(blobs);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LORE_BLOBS must be s3://bucket/prefix or unset, was '" + blobs + "'");
        }
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("LORE_BLOBS must be s3://bucket/prefix or unset, was '" + blobs + "'");
        }
        String prefix = Optional.ofNullable(uri.getPath()).orElse("").replaceAll("^/+", "");
        String access = env.getOrDefault("LORE_S3_ACCESS_KEY", "").strip();
        String secret = env.getOrDefault("LORE_S3_SECRET_KEY", "").strip();
        if (access.isEmpty() || secret.isEmpty()) {
            throw new IllegalArgumentException(
                    "LORE_BLOBS=" + blobs + " needs LORE_S3_ACCESS_KEY and LORE_S3_SECRET_KEY");
        }
        String endpoint = env.getOrDefault("LORE_S3_ENDPOINT", "").strip();
        String region = env.getOrDefault("LORE_S3_REGION", "").strip();
        return new FileSettings(
                Optional.of(new S3(
                        uri.getHost(),
                        prefix,
                        endpoint.isEmpty() ? Optional.empty() : Optional.of(endpoint),
                        region.isEmpty() ? "us-east-1" : region,
                        access,
                        secret)),
                max);
    }

    public FileSettings withMaxFileBytes(long bytes) {
        return new FileSettings(s3, bytes);
    }

    public FileSettings withS3(S3 store) {
        return new FileSettings(Optional.of(store), maxFileBytes);
    }

    /** Opens the configured store; a folder store lives in {@code dataDir/files}. */
    public BlobStore open(Path dataDir) {
        return s3.<BlobStore>map(s -> S3BlobStore.connect(s, dataDir.resolve("files-staging")))
                .orElseGet(() -> new LocalBlobStore(dataDir.resolve("files")));
    }

    static long parseSize(String raw) {
        var m = SIZE.matcher(raw);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "LORE_MAX_FILE_SIZE must be a size such as 100m or 2g, was '" + raw + "'");
        }
        long n = Long.parseLong(m.group(1));
        long bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
        if (bytes < 1) {
            throw new IllegalArgumentException("LORE_MAX_FILE_SIZE must be at least 1 byte, was '" + raw + "'");
        }
        return bytes;
    }
}
