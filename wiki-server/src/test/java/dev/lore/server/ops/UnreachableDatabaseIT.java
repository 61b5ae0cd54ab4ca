package dev.lore.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose database cannot be reached gives up after its attempts and exits, saying why. */
class UnreachableDatabaseIT {
    @TempDir
    Path data;

    @Test
    void startingAgainstAnUnreachableNeo4jRetriesThenExitsWithAMessage() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var builder = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), "dev.lore.server.Main", "serve")
                .redirectErrorStream(true);
        builder.environment().put("LORE_NEO4J_URI", "bolt://127.0.0.1:1");
        builder.environment().put("LORE_NEO4J_CONNECT_ATTEMPTS", "2");
        builder.environment().put("LORE_DATA_DIR", data.toString());
        builder.environment().put("LORE_PORT", "0");
        Process process = builder.start();
        try {
            // a safety net only: the server gives up after one wait of a second
            boolean exited = process.waitFor(180, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(exited).as("the JVM exits; output:%n%s", output).isTrue();

            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(output)
                    .contains("Neo4j at bolt://127.0.0.1:1 is not reachable (attempt 1 of 2)")
                    .contains("lore: cannot reach Neo4j at bolt://127.0.0.1:1 (2 attempts)")
                    .doesNotContain("listening on");
        } finally {
            process.destroyForcibly();
        }
    }
}
