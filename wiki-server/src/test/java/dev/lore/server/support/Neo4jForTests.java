package dev.lore.server.support;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * Which Neo4j the integration suite uses: the embedded one by default, or with
 * {@code LORE_TEST_NEO4J=docker} a Neo4j server in Docker through Testcontainers, reached over Bolt
 * exactly like a production cluster.
 */
final class Neo4jForTests {
    static final String PASSWORD = "lore-test-password";
    private static final String IMAGE = "neo4j:2026.08.1-community";

    private Neo4jForTests() {}

    static Optional<URI> externalUri() {
        if (!"docker".equalsIgnoreCase(System.getenv().getOrDefault("LORE_TEST_NEO4J", ""))) {
            return Optional.empty();
        }
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("LORE_TEST_NEO4J=docker but no Docker engine is reachable");
        }
        @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM exits
        var container = new Neo4jContainer(IMAGE).withAdminPassword(PASSWORD);
        container.start();
        return Optional.of(URI.create(container.getBoltUrl()));
    }
}
