package dev.lore.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.auth.CommunitySecurityModule;
import org.neo4j.server.security.auth.FileUserRepository;
import org.neo4j.server.security.auth.LegacyCredential;

/**
 * The password a new store's built-in user starts with, handed to Neo4j the way {@code neo4j-admin
 * dbms set-initial-password} does: a file Neo4j reads when it creates its system database. Setting
 * it with {@code ALTER USER} after the start instead costs the JVM's first Cypher compile, seconds
 * on a small machine, before the database can be used.
 */
final class InitialUser {
    private InitialUser() {}

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

    static Path file(Path home) {
        return CommunitySecurityModule.getInitialUserRepositoryFile(settings(home));
    }

    private static Config settings(Path home) {
        return Config.newBuilder()
                .set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath())
                .build();
    }
}
