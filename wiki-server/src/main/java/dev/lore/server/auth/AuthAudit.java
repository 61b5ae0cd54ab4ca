package dev.lore.server.auth;

import dev.lore.graph.audit.AuditLog;
import java.time.Clock;
import java.util.Optional;

/**
 * Where sign-ins, sign-outs, tokens, provisioning and role changes are written down for admins
 * ({@link AuditLog}). {@code personId} is whom it is about (the name typed, for a failed sign-in
 * of nobody known); {@code actor} who did it.
 */
@FunctionalInterface
public interface AuthAudit {
    void record(String action, String personId, String actor, Optional<String> detail);

    AuthAudit NONE = (action, personId, actor, detail) -> {};

    static AuthAudit to(AuditLog log, Clock clock) {
        return (action, personId, actor, detail) -> log.record(action, personId, actor, detail, clock.instant());
    }
}
