package dev.lore.server.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lore.graph.notify.Event;
import dev.lore.graph.notify.EventKind;
import dev.lore.graph.notify.NotificationStore;
import dev.lore.graph.notify.WatchStore;
import dev.lore.server.Config;
import dev.lore.server.Lore;
import dev.lore.server.auth.Role;
import dev.lore.server.notify.NotifyConfig;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Not a test: emails per second through Lore's outbox to a real local SMTP server (GreenMail, in
 * this process), against plain Jakarta Mail sends of a similar message to the same server, one
 * after another. Prints one table row; asserts nothing. Argument: how many emails (default 1,000).
 * How to run it: docs/PERFORMANCE.md.
 */
public final class EmailOutboxBenchmark {
    private EmailOutboxBenchmark() {}

    public static void main(String[] args) throws Exception {
        int emails = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
        var smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Path scratch = dev.lore.server.Scratch.create("lore-bench-email-");
        try {
            int port = smtp.getSmtp().getPort();
            var notify = NotifyConfig.fromEnvironment(Map.of(
                    "LORE_SMTP_HOST", "127.0.0.1",
                    "LORE_SMTP_PORT", Integer.toString(port),
                    "LORE_SMTP_STARTTLS", "false",
                    "LORE_EMAIL_MAX_PER_DAY", "10000",
                    "LORE_NOTIFY_INTERVAL_MS", "86400000"));
            Config config = Config.fromEnvironment(System.getenv())
                    .withSeed(false)
                    .withDataDir(scratch.resolve("data"))
                    .withNotify(notify);
            double outboxRate;
            try (Lore lore = Lore.open(config)) {
                lore.people()
                        .create(
                                "editor",
                                "Eda Editor",
                                "eda@example.com",
                                "Docs",
                                "",
                                Role.CONTRIBUTOR,
                                Optional.empty());
                lore.people()
                        .create("reader", "Rea Reader", "rea@example.com", "Ops", "", Role.READER, Optional.empty());
                var store = new NotificationStore(lore.graph(), new WatchStore(lore.graph()));
                Instant at = Instant.now();
                for (int i = 0; i < emails; i++) {
                    store.record(Event.of(
                            EventKind.KUDOS,
                            "editor",
                            "Thanks for page " + i,
                            "/wiki/page-" + i,
                            "Saved my day.",
                            List.of(),
                            List.of("reader"),
                            at.plusSeconds(i)));
                }
                long start = System.nanoTime();
                int sent = 0;
                for (int n; (n = lore.outbox().flush(Duration.ofMinutes(30))) > 0; ) {
                    sent += n;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                int received = smtp.getReceivedMessages().length;
                outboxRate = received / seconds;
                System.out.printf("outbox: %d deliveries, %d emails received in %.1f s%n", sent, received, seconds);
            }
            smtp.purgeEmailFromAllMailboxes(); // not reset(): that restarts it on another port
            var props = new Properties();
            props.put("mail.smtp.host", "127.0.0.1");
            props.put("mail.smtp.port", Integer.toString(port));
            Session session = Session.getInstance(props);
            long start = System.nanoTime();
            for (int i = 0; i < emails; i++) {
                var m = new MimeMessage(session);
                m.setFrom(new InternetAddress("lore@localhost"));
                m.setRecipient(Message.RecipientType.TO, new InternetAddress("rea@example.com"));
                m.setSubject("Eda Editor thanked you: Thanks for page " + i);
                m.setText("Saved my day.\n\nhttp://localhost:7070/wiki/page-" + i + "\n");
                Transport.send(m);
            }
            double plainSeconds = (System.nanoTime() - start) / 1e9;
            double plainRate = emails / plainSeconds;
            System.out.printf(
                    "%n| emails | outbox emails/s | plain Jakarta Mail sends/s | ratio |%n|---|---|---|---|%n"
                            + "| %d | %.0f | %.0f | %.2f |%n",
                    emails, outboxRate, plainRate, outboxRate / plainRate);
        } finally {
            smtp.stop();
            dev.lore.server.Scratch.delete(scratch);
        }
    }
}
