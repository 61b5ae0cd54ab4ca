package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A whole Lore configured with an SMTP server through {@code Config}, driven over HTTP only: an
 * answer to a question reaches the asker's mailbox once the outbox is flushed.
 */
@ExtendWith(TestLore.class)
class AnswerEmailEndToEndIT {
    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @Test
    void anAnswerGivenOverTheApiIsEmailedToTheAsker(TestLore.Running running) throws Exception {
        var notify = NotifyConfig.fromEnvironment(Map.of(
                        "LORE_SMTP_HOST", "localhost",
                        "LORE_SMTP_PORT", Integer.toString(SMTP.getSmtp().getPort()),
                        "LORE_SMTP_STARTTLS", "false",
                        "LORE_SMTP_FROM", "lore@example.test",
                        "LORE_BASE_URL", "https://lore.example.test",
                        // no timer round during the test: delivery happens when flushed
                        "LORE_NOTIFY_INTERVAL_MS", "86400000"))
                .withSendTimeout(Http.PATIENCE);
        TestLore.Running lore = running.another("smtp-" + SMTP.getSmtp().getPort(), c -> c.withNotify(notify));
        String ana = lore.person("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR);
        String ben = lore.person("ben", "Ben Okafor", "Platform", Role.CONTRIBUTOR);

        var asked = lore.http()
                .post(
                        "/api/questions",
                        Map.of(
                                "title",
                                "Who rotates the TLS certificates?",
                                "markdown",
                                "Asking for a friend.",
                                "skills",
                                List.of()),
                        ana);
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String question = asked.json().get("id").asText();
        var answered = lore.http()
                .post(
                        "/api/questions/" + question + "/answers",
                        Map.of("markdown", "The platform team, monthly."),
                        ben);
        assertThat(answered.status()).as(answered.body()).isEqualTo(201);

        assertThat(lore.lore().outbox().flush(Duration.ofMinutes(1))).isEqualTo(1);

        MimeMessage[] mail = SMTP.getReceivedMessages();
        assertThat(mail).hasSize(1);
        assertThat(mail[0].getAllRecipients()[0].toString()).contains("ana@example.test");
        assertThat(mail[0].getSubject()).isEqualTo("[Lore] Ben Okafor answered Who rotates the TLS certificates?");
        assertThat(mail[0].getHeader("List-Unsubscribe")[0]).startsWith("<https://lore.example.test/unsubscribe?");
        assertThat(lore.lore().outbox().flush(Duration.ofMinutes(1)))
                .as("sent once")
                .isZero();
    }
}
