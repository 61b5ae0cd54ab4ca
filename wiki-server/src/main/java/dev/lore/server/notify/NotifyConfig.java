package dev.lore.server.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Settings of email and webhook delivery, from the environment. Without {@code LORE_SMTP_HOST}
 * Lore sends no email (the inbox works all the same).
 *
 * @param smtpHost the SMTP server ({@code LORE_SMTP_HOST}); empty means email off
 * @param smtpPort its port ({@code LORE_SMTP_PORT}, default 587)
 * @param smtpUser sign-in user ({@code LORE_SMTP_USER}); empty means none
 * @param smtpPassword its password ({@code LORE_SMTP_PASSWORD})
 * @param smtpTls STARTTLS required ({@code LORE_SMTP_STARTTLS}, default true), or {@code ssl} for SMTPS
 * @param from the sender ({@code LORE_SMTP_FROM}, default {@code lore@localhost})
 * @param baseUrl Lore's public address, for links in emails and webhooks ({@code LORE_BASE_URL},
 *     default {@code http://localhost:7070})
 * @param maxEmailsPerDay most immediate emails one person gets a day ({@code LORE_EMAIL_MAX_PER_DAY},
 *     default 20); the rest wait for the digest
 * @param webhookPrivateAddresses whether webhooks may point at loopback or private addresses ({@code
 *     LORE_WEBHOOK_ALLOW_PRIVATE}, default false)
 * @param interval how often delivery runs ({@code LORE_NOTIFY_INTERVAL_MS}, default 10 s)
 * @param sendTimeout how long one email or webhook call may take to connect and to answer ({@code
 *     LORE_NOTIFY_TIMEOUT_MS}, default 10 s); a slower one counts as failed and is retried
 */
public record NotifyConfig(
        Optional<String> smtpHost,
        int smtpPort,
        Optional<String> smtpUser,
        String smtpPassword,
        String smtpTls,
        String from,
        URI baseUrl,
        int maxEmailsPerDay,
        boolean webhookPrivateAddresses,
        Duration interval,
        Duration sendTimeout) {

    public boolean emailOn() {
        return smtpHost.isPresent();
    }

    /** No email, links to {@code http://localhost:7070}, no webhooks to private addresses. */
    public static NotifyConfig defaults() {
        return fromEnvironment(Map.of());
    }

    public static NotifyConfig fromEnvironment(Map<String, String> env) {
        String tls = env.getOrDefault("LORE_SMTP_STARTTLS", "true").strip().toLowerCase(java.util.Locale.ROOT);
        if (!tls.equals("true") && !tls.equals("false") && !tls.equals("ssl")) {
            throw new IllegalArgumentException("LORE_SMTP_STARTTLS must be true, false or ssl, was '" + tls + "'");
        }
        URI base;
        try {
            base = URI.create(env.getOrDefault("LORE_BASE_URL", "http://localhost:7070")
                    .strip()
                    .replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LORE_BASE_URL must be a URL such as https://lore.example.com", e);
        }
        if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
            throw new IllegalArgumentException("LORE_BASE_URL must be an http(s) URL, was '" + base + "'");
        }
        return new NotifyConfig(
                nonBlank(env.get("LORE_SMTP_HOST")),
                (int) number(env, "LORE_SMTP_PORT", 587, 1, 65535),
                nonBlank(env.get("LORE_SMTP_USER")),
                env.getOrDefault("LORE_SMTP_PASSWORD", ""),
                tls,
                nonBlank(env.get("LORE_SMTP_FROM")).orElse("lore@localhost"),
                base,
                (int) number(env, "LORE_EMAIL_MAX_PER_DAY", 20, 1, 10_000),
                "true"
                        .equalsIgnoreCase(env.getOrDefault("LORE_WEBHOOK_ALLOW_PRIVATE", "false")
                                .strip()),
                Duration.ofMillis(number(env, "LORE_NOTIFY_INTERVAL_MS", 10_000, 100, 86_400_000)),
                Duration.ofMillis(number(env, "LORE_NOTIFY_TIMEOUT_MS", 10_000, 1, 3_600_000)));
    }

    /** As these settings, with another {@link #sendTimeout}. */
    public NotifyConfig withSendTimeout(Duration timeout) {
        return new NotifyConfig(
                smtpHost,
                smtpPort,
                smtpUser,
                smtpPassword,
                smtpTls,
                from,
                baseUrl,
                maxEmailsPerDay,
                webhookPrivateAddresses,
                interval,
                timeout);
    }

    private static Optional<String> nonBlank(String raw) {
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    private static long number(Map<String, String> env, String name, long fallback, long min, long max) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v < min || v > max) {
                throw new IllegalArgumentException(name + " must be " + min + "-" + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number, was '" + raw + "'", e);
        }
    }
}
