package dev.lore.server.ops;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may read {@code /metrics} ({@code LORE_METRICS}): {@code local} (the default) lets clients
 * on the same machine (loopback) and signed-in admins read it; {@code token} asks every other client
 * for {@code Authorization: Bearer <LORE_METRICS_TOKEN>}; {@code public} lets anyone read it; {@code
 * off} answers 404.
 */
public record MetricsAccess(Mode mode, Optional<String> token) {
    public enum Mode {
        OFF,
        LOCAL,
        TOKEN,
        PUBLIC
    }

    public MetricsAccess {
        if (mode == Mode.TOKEN && token.filter(t -> t.length() >= 16).isEmpty()) {
            throw new IllegalArgumentException("LORE_METRICS=token needs LORE_METRICS_TOKEN of 16 characters or more");
        }
    }

    public static MetricsAccess parse(String mode, String token) {
        String m = mode == null || mode.isBlank() ? "local" : mode.strip().toLowerCase(Locale.ROOT);
        Optional<String> t = token == null || token.isBlank() ? Optional.empty() : Optional.of(token.strip());
        return switch (m) {
            case "off" -> new MetricsAccess(Mode.OFF, t);
            case "local" -> new MetricsAccess(Mode.LOCAL, t);
            case "token" -> new MetricsAccess(Mode.TOKEN, t);
            case "public" -> new MetricsAccess(Mode.PUBLIC, t);
            default ->
                throw new IllegalArgumentException(
                        "LORE_METRICS must be off, local, token or public, was '" + mode + "'");
        };
    }
}
