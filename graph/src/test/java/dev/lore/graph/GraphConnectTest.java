package dev.lore.graph;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Connecting to a database that is there but does not answer yet is worth another attempt. */
class GraphConnectTest {
    @Test
    void aDatabaseThatAcceptsButDoesNotAnswerIsTriedAgainNotRefused() throws Exception {
        // accepts connections and never speaks Bolt: what a database still starting on a busy machine
        // looks like to the driver, whose connection or pool wait then runs out
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = Thread.ofPlatform().daemon().name("silent-bolt").start(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            URI uri = URI.create("bolt://127.0.0.1:" + silent.getLocalPort());
            assertThatThrownBy(() -> Graph.connect(uri, "neo4j", "password", 2, TransactionTimer.NONE,
                            Duration.ofMillis(300)))
                    .isInstanceOf(GraphUnavailableException.class)
                    .hasMessageContaining("cannot reach Neo4j at " + uri + " (2 attempts)");
            silent.close();
            acceptor.join();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
