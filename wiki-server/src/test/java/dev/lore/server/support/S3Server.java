package dev.lore.server.support;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.lore.server.attachment.FileSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real S3 API server (Adobe S3Mock, a Spring Boot application) started in this JVM on a free
 * port, once per test JVM, with one bucket, {@value #BUCKET}. Spring's logging system is turned
 * off so it leaves the test JVM's logging alone.
 */
public final class S3Server {
    public static final String BUCKET = "lore-test";
    private static S3MockApplication app;

    private S3Server() {}

    /** Settings for a store under {@code prefix} in the test bucket, starting the server on first use. */
    public static synchronized FileSettings.S3 settings(String prefix) {
        if (app == null) {
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
            try {
                app = S3MockApplication.start(new HashMap<>(Map.of(
                        S3MockApplication.PROP_HTTP_PORT,
                        S3MockApplication.RANDOM_PORT,
                        S3MockApplication.PROP_HTTPS_PORT,
                        S3MockApplication.RANDOM_PORT,
                        S3MockApplication.PROP_INITIAL_BUCKETS,
                        BUCKET,
                        S3MockApplication.PROP_ROOT_DIRECTORY,
                        Files.createTempDirectory("lore-s3-").toString(),
                        S3MockApplication.PROP_SILENT,
                        true,
                        "spring.main.banner-mode",
                        "off",
                        // the Neo4j driver on the test classpath is Lore's, not S3Mock's
                        "spring.autoconfigure.exclude",
                        "org.springframework.boot.autoconfigure.neo4j.Neo4jAutoConfiguration")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime()
                    .addShutdownHook(
                            Thread.ofPlatform().name("test-s3-shutdown").unstarted(app::stop));
        }
        return new FileSettings.S3(
                BUCKET,
                prefix,
                Optional.of("http://127.0.0.1:" + app.getHttpPort()),
                "us-east-1",
                "test-access",
                "test-secret");
    }
}
