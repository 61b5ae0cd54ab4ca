package dev.lore.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.Label;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.FormatException;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.server.security.auth.LegacyCredential;

/**
 * The embedded store's built-in user, read and set without Cypher. A new store gets its password
 * the way {@code neo4j-admin dbms set-initial-password} gives it: a file Neo4j reads when it creates
 * its system database. A restart checks the stored credential in process. Doing either through
 * Cypher ({@code ALTER USER}) or a Bolt connection costs the JVM's first Cypher compile or a driver,
 * seconds on a small machine, before the database can be used.
 */
final class SystemUser {
    private SystemUser() {}

    /** Whether the store in {@code home} has no system database yet (a first start). */
    static boolean isNewStore(Path home) {
        return Files.notExists(settings(home).get(org.neo4j.configuration.GraphDatabaseInternalSettings.databases_root_path)
                .resolve(GraphDatabaseSettings.SYSTEM_DATABASE_NAME));
    }

    /** Writes the initial user file of the store in {@code home}; read once, when the store is created. */
    static void write(Path home, String user, String password) {
        Path file = file(home);
        try (var fs = new DefaultFileSystemAbstraction()) {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            var users = new FileUserRepository(fs, file, NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
            users.start();
            users.create(new User(user, null, LegacyCredential.forPassword(password), false, false));
            users.shutdown();
        } catch (Exception e) {
            throw new UncheckedIOException(
                    "cannot write the database's initial user to " + file,
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    /** Removes the file once the store exists: it holds a hash of the password and is never read again. */
    static void remove(Path home) {
        try {
            Files.deleteIfExists(file(home));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + file(home), e);
        }
    }

    /**
     * Whether {@code user} of the running {@code dbms} signs in with {@code password}, read from its
     * system database in process (no Bolt connection, no Cypher); empty when the stored credential
     * cannot be read this way, so the caller asks over Bolt instead.
     */
    static Optional<Boolean> accepts(DatabaseManagementService dbms, String user, String password) {
        try (var tx = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).beginTx()) {
            var node = tx.findNode(Label.label("User"), "name", user);
            if (node == null) {
                return Optional.of(false);
            }
            if (Boolean.TRUE.equals(node.getProperty("passwordChangeRequired", Boolean.FALSE))
                    || Boolean.TRUE.equals(node.getProperty("suspended", Boolean.FALSE))) {
                return Optional.of(false);
            }
            if (!(node.getProperty("credentials", null) instanceof String credentials)) {
                return Optional.empty();
            }
            return Optional.of(SystemGraphCredential.deserialize(credentials, new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException | FormatException e) {
            return Optional.empty();
        }
    }

    static Path file(Path home) {
        return CommunitySecurityModule.getInitialUserRepositoryFile(settings(home));
    }

    private static Config settings(Path home) {
        return Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath())
                .build();
    }
}
