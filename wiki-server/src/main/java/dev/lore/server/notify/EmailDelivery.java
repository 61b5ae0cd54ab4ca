package dev.lore.server.notify;

import dev.lore.graph.notify.DigestRecipient;
import dev.lore.graph.notify.EmailOutbox;
import dev.lore.graph.notify.Notification;
import dev.lore.graph.notify.PendingEmail;
import jakarta.mail.MessagingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds: an email per notification a person wants at once (up to their daily
 * limit; the rest go to the digest) and a digest per person when theirs is due. Each item is
 * claimed in the graph first, so several servers never send one twice; a failed send is retried
 * with a growing wait and given up after {@value #MAX_ATTEMPTS} attempts. Not thread-safe: one
 * {@link NotifyOutbox} thread runs it.
 */
public final class EmailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(EmailDelivery.class);
    static final int MAX_ATTEMPTS = 8;
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    private static final int BATCH = 100;
    private static final int DIGEST_ITEMS = 200;

    private final EmailOutbox outbox;
    private final SmtpMailer mailer;
    private final Unsubscribes unsubscribes;
    private final NotifyConfig config;
    private final String server;
    private final Clock clock;

    /** @param server this server's name in claims (any id unique among the servers) */
    public EmailDelivery(
            EmailOutbox outbox,
            SmtpMailer mailer,
            Unsubscribes unsubscribes,
            NotifyConfig config,
            String server,
            Clock clock) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.unsubscribes = unsubscribes;
        this.config = config;
        this.server = server;
        this.clock = clock;
    }

    /** Sends the immediate emails waiting now; returns how many went out. */
    public int sendImmediate() {
        int sent = 0;
        while (true) {
            Instant now = clock.instant();
            List<PendingEmail> batch = outbox.claimImmediate(server, now, LEASE, BATCH);
            if (batch.isEmpty()) {
                return sent;
            }
            for (PendingEmail p : batch) {
                if (send(p)) {
                    sent++;
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean send(PendingEmail p) {
        Notification n = p.notification();
        if (p.email().isBlank()) {
            outbox.skip(n.id());
            return false;
        }
        if (!outbox.countEmail(p.personId(), clock.instant(), config.maxEmailsPerDay())) {
            outbox.moveToDigest(n.id());
            return false;
        }
        String link = absolute(n.url());
        String line = line(n);
        var mail = new Mail(
                p.email(),
                p.name(),
                "[Lore] " + line,
                line + "\n" + (n.message().isBlank() ? "" : "\n" + n.message() + "\n") + "\n" + link + "\n"
                        + footerText(p.personId()),
                "<p>" + esc(line) + "</p>"
                        + (n.message().isBlank() ? "" : "<blockquote>" + esc(n.message()) + "</blockquote>")
                        + "<p><a href=\"" + esc(link) + "\">Open in Lore</a></p>" + footerHtml(p.personId()),
                n.id() + "@lore",
                unsubscribeUrl(p.personId()));
        try {
            mailer.send(mail);
            outbox.markSent(List.of(n.id()), clock.instant());
            return true;
        } catch (SmtpMailer.BadAddressException e) {
            LOG.warn("Not emailing {}: {}", p.personId(), e.getMessage());
            outbox.skip(n.id());
        } catch (MessagingException | RuntimeException e) {
            Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(p.attempts(), 10));
            LOG.warn(
                    "Email to {} failed (attempt {} of {}), trying again in {} s: {}",
                    p.personId(),
                    p.attempts() + 1,
                    MAX_ATTEMPTS,
                    wait.toSeconds(),
                    e.toString());
            outbox.markFailed(n.id(), e.toString(), clock.instant().plus(wait), MAX_ATTEMPTS);
        }
        return false;
    }

    /** Sends the digests due now; returns how many went out. */
    public int sendDigests() {
        int sent = 0;
        for (DigestRecipient r : outbox.digestRecipients()) {
            Instant now = clock.instant();
            Instant slot = DigestSchedule.latestSlot(r.preferences(), now);
            boolean due = r.oldestWaiting().isBefore(slot)
                    && r.lastDigestAt().map(last -> last.isBefore(slot)).orElse(true);
            if (!due || !outbox.claimDigest(r.personId(), server, slot, now, LEASE)) {
                continue;
            }
            List<Notification> items = outbox.digestItems(r.personId(), slot, DIGEST_ITEMS);
            if (items.isEmpty() || r.email().isBlank() || r.preferences().emailOff()) {
                outbox.digestDone(
                        r.personId(), items.stream().map(Notification::id).toList(), slot, now);
                continue;
            }
            try {
                mailer.send(digest(r, items, slot));
                outbox.digestDone(
                        r.personId(), items.stream().map(Notification::id).toList(), slot, clock.instant());
                sent++;
            } catch (SmtpMailer.BadAddressException e) {
                LOG.warn("Not emailing a digest to {}: {}", r.personId(), e.getMessage());
                outbox.digestDone(
                        r.personId(), items.stream().map(Notification::id).toList(), slot, now);
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("Digest to {} failed, trying again next round: {}", r.personId(), e.toString());
                outbox.releaseDigest(r.personId());
            }
        }
        return sent;
    }

    private Mail digest(DigestRecipient r, List<Notification> items, Instant slot) {
        var text = new StringBuilder();
        var html = new StringBuilder("<h1>What happened in Lore</h1><ul>");
        for (Notification n : items) {
            String line = line(n);
            String link = absolute(n.url());
            text.append("- ").append(line).append("\n  ").append(link).append('\n');
            html.append("<li><a href=\"")
                    .append(esc(link))
                    .append("\">")
                    .append(esc(line))
                    .append("</a></li>");
        }
        html.append("</ul>").append(footerHtml(r.personId()));
        text.append('\n').append(footerText(r.personId()));
        String subject = "[Lore] Your " + r.preferences().digest() + " digest: " + items.size()
                + (items.size() == 1 ? " update" : " updates");
        return new Mail(
                r.email(),
                r.name(),
                subject,
                text.toString(),
                html.toString(),
                "digest-" + r.personId().hashCode() + "-" + slot.getEpochSecond() + "@lore",
                unsubscribeUrl(r.personId()));
    }

    /** "Ana Silva edited Kafka consumer groups (3 times)". */
    static String line(Notification n) {
        return n.actorName() + " " + NotifyPages.what(n.kind()) + " " + n.title()
                + (n.count() > 1 ? " (" + n.count() + " times)" : "");
    }

    private String footerText(String personId) {
        return "--\nChange what Lore emails you: " + absolute("/me/notifications") + "\nStop all email from Lore: "
                + unsubscribeUrl(personId) + "\n";
    }

    private String footerHtml(String personId) {
        return "<hr><p style=\"font-size:small\"><a href=\"" + esc(absolute("/me/notifications"))
                + "\">Notification preferences</a> · <a href=\"" + esc(unsubscribeUrl(personId))
                + "\">Unsubscribe</a></p>";
    }

    private String unsubscribeUrl(String personId) {
        return absolute(
                "/unsubscribe?token=" + URLEncoder.encode(unsubscribes.tokenFor(personId), StandardCharsets.UTF_8));
    }

    private String absolute(String path) {
        return config.baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
