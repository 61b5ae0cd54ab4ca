package dev.lore.server.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lore.graph.notify.EmailOutbox;
import dev.lore.server.auth.Role;
import dev.lore.server.support.Http;
import dev.lore.server.support.TestLore;
import dev.lore.server.support.TestPeople;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Email delivery against a real SMTP server (GreenMail) started in the test. */
@ExtendWith(TestLore.class)
class EmailIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final Instant MONDAY_9 = Instant.parse("2026-11-30T09:00:00Z");

    private Http http;
    private TestLore.Running lore;
    private TestPeople people;

    @BeforeEach
    void people(TestLore.Running running, Http http) {
        this.lore = running;
        this.http = http;
        lore.clock().set(MONDAY_9);
        people = new TestPeople(running, http)
                .add("ana", "Ana Silva", "Streaming", Role.CONTRIBUTOR)
                .add("cleo", "Cleo Park", "Data", Role.CONTRIBUTOR);
    }

    private EmailDelivery delivery(int port, int maxPerDay) {
        var config = NotifyConfig.fromEnvironment(Map.of(
                        "LORE_SMTP_HOST", "localhost",
                        "LORE_SMTP_PORT", Integer.toString(port),
                        "LORE_SMTP_STARTTLS", "false",
                        "LORE_SMTP_FROM", "lore@example.test",
                        "LORE_BASE_URL", "https://lore.example.test",
                        "LORE_EMAIL_MAX_PER_DAY", Integer.toString(maxPerDay)))
                .withSendTimeout(Http.PATIENCE);
        return new EmailDelivery(
                new EmailOutbox(lore.lore().graph()),
                new SmtpMailer(config),
                lore.lore().unsubscribes(),
                config,
                "test-server",
                lore.clock());
    }

    private EmailDelivery delivery() {
        return delivery(SMTP.getSmtp().getPort(), 20);
    }

    private String question(String who, String title) {
        return people.ask(who, title, "Please help.", List.of()).get("id").asText();
    }

    private static String part(MimeMessage m, int i) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(i).getContent();
    }

    @Test
    void anAnswerIsEmailedAtOnceWithTextHtmlAndAnUnsubscribeLinkExactlyOnce() throws Exception {
        String q = question("cleo", "How do we rotate certificates?");
        people.answer("ana", q, "Use the rotate job.");

        assertThat(delivery().sendImmediate()).isEqualTo(1);
        assertThat(delivery().sendImmediate()).isZero();

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getAllRecipients()[0].toString()).contains("cleo@example.test");
        assertThat(m.getSubject()).isEqualTo("[Lore] Ana Silva answered How do we rotate certificates?");
        assertThat(((MimeMultipart) m.getContent()).getCount()).isEqualTo(2);
        assertThat(part(m, 0)).contains("Use the rotate job.").contains("https://lore.example.test/questions/" + q);
        assertThat(part(m, 1)).contains("<a href=\"https://lore.example.test/questions/" + q + "\">");
        String unsubscribe = m.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<https://lore.example.test/unsubscribe?token=");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");

        // the link works: one click and Cleo gets no more email, not even for the next answer
        String path = unsubscribe.substring("<https://lore.example.test".length(), unsubscribe.length() - 1);
        var done = http.raw("POST", path, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded", null);
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        people.answer("ana", q, "Or ask the platform team.");
        assertThat(delivery().sendImmediate()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void pageChangesWaitForTheDailyDigestAtTheChosenHour() throws Exception {
        var r = http.post("/api/articles", Map.of("title", "Runbook", "markdown", "Text.\n"), people.token("cleo"));
        String slug = r.json().get("slug").asText();
        for (int i = 0; i < 3; i++) {
            int base = http.get("/api/articles/" + slug).json().get("revision").asInt();
            http.put(
                    "/api/articles/" + slug,
                    Map.of("markdown", "Text " + i + ".\n", "baseRevision", base),
                    people.token("ana"));
        }
        assertThat(delivery().sendImmediate()).isZero();
        lore.clock().set(MONDAY_9.plus(Duration.ofHours(2)));
        assertThat(delivery().sendDigests())
                .as("the 8:00 digest came before the edits")
                .isZero();

        lore.clock().set(Instant.parse("2026-12-01T08:05:00Z"));
        assertThat(delivery().sendDigests()).isEqualTo(1);
        assertThat(delivery().sendDigests()).isZero();

        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[Lore] Your daily digest: 1 update");
        assertThat(part(m, 0)).contains("Ana Silva edited Runbook (3 times)");
    }

    @Test
    void immediateEmailsPastTheDailyLimitGoToTheDigest() {
        String q = question("cleo", "Three answers?");
        people.answer("ana", q, "One.");
        lore.clock().set(MONDAY_9.plusSeconds(1));
        people.answer("ana", q, "Two.");
        lore.clock().set(MONDAY_9.plusSeconds(2));
        people.answer("ana", q, "Three.");

        assertThat(delivery(SMTP.getSmtp().getPort(), 2).sendImmediate()).isEqualTo(2);
        assertThat(new EmailOutbox(lore.lore().graph()).waiting()).isEqualTo(1);
    }

    @Test
    void aServerThatIsDownIsRetriedLaterWithoutLosingTheEmail() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String q = question("cleo", "Is the mail server up?");
        people.answer("ana", q, "Not yet.");

        assertThat(delivery(closed, 20).sendImmediate()).isZero();
        assertThat(delivery().sendImmediate()).as("not before the retry time").isZero();
        lore.clock().set(MONDAY_9.plus(Duration.ofMinutes(2)));
        assertThat(delivery().sendImmediate()).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aMalformedAddressIsSkippedNotRetried() {
        lore.lore()
                .people()
                .create(
                        "dan",
                        "Dan Ruiz",
                        "dan at example",
                        "Web",
                        "Engineer",
                        Role.CONTRIBUTOR,
                        java.util.Optional.of(TestLore.PASSWORD));
        people.signIn("dan");
        String q = question("ana", "Who reads mail?");
        people.answer("dan", q, "Me.");
        String dans = question("dan", "And me?");
        people.answer("ana", dans, "Yes.");

        assertThat(delivery().sendImmediate()).isEqualTo(1); // Ana's; Dan's address is not one
        assertThat(new EmailOutbox(lore.lore().graph()).waiting()).isZero();
    }

    @Test
    void anAnswerHiddenBeforeDeliveryIsNeitherInTheInboxNorEmailedUntilRestored() throws Exception {
        String champion = lore.person("chris", "Chris Champion", "Enablement", Role.CHAMPION);
        String q = question("cleo", "Where is the VPN config?");
        var posted = http.post(
                "/api/questions/" + q + "/answers", Map.of("markdown", "Buy me a coffee."), people.token("ana"));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        String answerId = posted.json().get("id").asText();
        assertThat(http.get("/api/notifications", people.token("cleo"))
                        .json()
                        .get("unread")
                        .asInt())
                .isEqualTo(1);

        var hide = http.post("/api/moderation/answer/" + answerId + "/hide", Map.of("reason", "spam"), champion);
        assertThat(hide.status()).as(hide.body()).isEqualTo(204);

        var inbox = http.get("/api/notifications", people.token("cleo")).json();
        assertThat(inbox.get("unread").asInt()).isZero();
        assertThat(inbox.get("notifications")).isEmpty();
        assertThat(delivery().sendImmediate()).isZero();
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        var restore = http.post("/api/moderation/answer/" + answerId + "/restore", Map.of("reason", "fine"), champion);
        assertThat(restore.status()).as(restore.body()).isEqualTo(204);
        assertThat(http.get("/api/notifications", people.token("cleo"))
                        .json()
                        .get("unread")
                        .asInt())
                .isEqualTo(1);
        assertThat(delivery().sendImmediate()).isEqualTo(1);
    }
}
