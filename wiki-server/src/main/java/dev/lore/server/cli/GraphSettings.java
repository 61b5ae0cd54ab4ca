package dev.lore.server.cli;

import java.util.Map;
import java.util.Optional;

/**
 * Where {@code lore graph} listens and with which password: {@code LORE_GRAPH_LISTEN} ({@code
 * host:port}, default {@value #DEFAULT_LISTEN}; port 0 picks a free one) and {@code
 * LORE_NEO4J_PASSWORD} (the password Lore servers connect with; at least 8 characters).
 */
record GraphSettings(String host, int port, Optional<String> password) {
    static final String DEFAULT_LISTEN = "127.0.0.1:7687";

    static GraphSettings fromEnvironment(Map<String, String> env) {
        String listen = Optional.ofNullable(env.get("LORE_GRAPH_LISTEN"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .orElse(DEFAULT_LISTEN);
        int colon = listen.lastIndexOf(':');
        if (colon <= 0 || colon == listen.length() - 1) {
            throw new IllegalArgumentException(
                    "LORE_GRAPH_LISTEN must be host:port, e.g. 0.0.0.0:7687, was '" + listen + "'");
        }
        String host = listen.substring(0, colon).replaceAll("^\\[|\\]$", "");
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LORE_GRAPH_LISTEN's port must be a number, was '" + listen + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("LORE_GRAPH_LISTEN's port must be 0-65535, was " + port);
        }
        Optional<String> password =
                Optional.ofNullable(env.get("LORE_NEO4J_PASSWORD")).filter(p -> !p.isBlank());
        if (password.isPresent() && password.get().length() < 8) {
            throw new IllegalArgumentException("LORE_NEO4J_PASSWORD must be at least 8 characters for lore graph, was "
                    + password.get().length());
        }
        return new GraphSettings(host, port, password);
    }

    /** Whether only this machine can reach the address. */
    boolean loopback() {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
