package dev.lore.server.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Blobs in an S3-compatible object store, for several servers sharing one set of files: key
 * {@code prefix/ab/abcd...} by hash, path-style addressing (what MinIO, Ceph, Garage and most
 * S3-compatible servers expect). An upload is staged in a local temporary folder while it is hashed
 * and then sent in one PUT, which the object store makes visible whole or not at all.
 */
public final class S3BlobStore implements BlobStore {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final Path staging;
    private final String where;

    S3BlobStore(S3Client s3, String bucket, String prefix, Path staging, String where) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix.isEmpty() || prefix.endsWith("/") ? prefix : prefix + "/";
        this.staging = staging;
        this.where = where;
    }

    /** A store for {@code s3://bucket/prefix} at {@code endpoint}, staging uploads in {@code staging}. */
    public static S3BlobStore connect(FileSettings.S3 settings, Path staging) {
        var builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(true)
                // checksums only where S3 requires them: many S3-compatible servers reject the newer headers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())));
        settings.endpoint().map(URI::create).ifPresent(builder::endpointOverride);
        return new S3BlobStore(
                builder.build(),
                settings.bucket(),
                settings.prefix(),
                staging,
                "s3://" + settings.bucket() + "/" + settings.prefix()
                        + settings.endpoint().map(e -> " at " + e).orElse(""));
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) throws IOException {
        try (Blobs.Staged staged = Blobs.stage(content, maxBytes, staging)) {
            // sent even when the bucket has these bytes: the PUT marks them as just written, so a
            // gc-files running now leaves them to this upload (an object store has no "touch")
            call(() -> s3.putObject(
                    b -> b.bucket(bucket).key(key(staged.sha256())).contentLength(staged.size()),
                    RequestBody.fromFile(staged.file())));
            return new StoredBlob(staged.sha256(), staged.size());
        }
    }

    @Override
    public Optional<Long> size(String sha256) throws IOException {
        try {
            return Optional.of(call(() -> s3.headObject(b -> b.bucket(bucket).key(key(sha256))))
                    .contentLength());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<java.time.Instant> modified(String sha256) throws IOException {
        try {
            return Optional.ofNullable(
                    call(() -> s3.headObject(b -> b.bucket(bucket).key(key(sha256))))
                            .lastModified());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<Listed> entries() throws IOException {
        var listed = new ArrayList<Listed>();
        call(() -> {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                    .contents()
                    .forEach(o -> {
                        String name = o.key().substring(o.key().lastIndexOf('/') + 1);
                        if (Blobs.isHash(name)) {
                            listed.add(new Listed(name, o.size(), o.lastModified()));
                        }
                    });
            return null;
        });
        return listed;
    }

    @Override
    public InputStream open(String sha256, long offset, long length) throws IOException {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (offset + length - 1);
        return call(() -> s3.getObject(b -> b.bucket(bucket).key(key(sha256)).range(range)));
    }

    @Override
    public void delete(String sha256) throws IOException {
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(key(sha256))));
    }

    @Override
    public List<String> list() throws IOException {
        var hashes = new ArrayList<String>();
        call(() -> {
            s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))
                    .contents()
                    .forEach(o -> {
                        String name = o.key().substring(o.key().lastIndexOf('/') + 1);
                        if (Blobs.isHash(name)) {
                            hashes.add(name);
                        }
                    });
            return null;
        });
        return hashes;
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void close() {
        s3.close();
    }

    private String key(String sha256) {
        Blobs.requireHash(sha256);
        return prefix + sha256.substring(0, 2) + "/" + sha256;
    }

    private interface Call<T> {
        T run();
    }

    /** Runs an S3 call, turning a missing key into {@link NoSuchFileException} and other failures into IOException. */
    private <T> T call(Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(e.getMessage());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(e.getMessage());
            }
            throw new IOException("object store " + where + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("object store " + where + ": " + e.getMessage(), e);
        }
    }
}
