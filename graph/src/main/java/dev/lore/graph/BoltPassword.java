package dev.lore.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.neo4j.driver.exceptions.SecurityException;

/** The embedded database's Bolt password, kept in a file only its owner can read. */
record BoltPassword(String password, boolean created) {

    static BoltPassword loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String password = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!password.isEmpty()) {
                    return new BoltPassword(password, false);
                }
                Files.delete(file);
            }
            Files.createDirectories(file.getParent());
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            create(file);
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return new BoltPassword(password, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the Bolt password in " + file, e);
        }
    }

    /** Creates the file readable and writable by its owner only, where the file system knows owners. */
    private static void create(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Whether Bolt at {@code uri} accepts this user and password. */
    static boolean accepted(URI uri, String user, String password) {
        try (var driver = GraphDatabase.driver(
                uri,
                AuthTokens.basic(user, password),
                Config.builder().withLogging(Logging.slf4j()).build())) {
            driver.verifyConnectivity();
            return true;
        } catch (SecurityException e) { // a wrong password, or the initial one that must be changed
            return false;
        }
    }
}
