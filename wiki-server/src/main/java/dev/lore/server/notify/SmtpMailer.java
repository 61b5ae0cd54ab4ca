package dev.lore.server.notify;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Sends email through one SMTP server with Jakarta Mail: plain-text and HTML parts. Thread-safe. */
public final class SmtpMailer {
    /** The address is not a valid email address: sending again will not help. */
    public static final class BadAddressException extends Exception {
        private static final long serialVersionUID = 1L;

        BadAddressException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Session session;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final InternetAddress from;

    public SmtpMailer(NotifyConfig config) {
        this.host = config.smtpHost().orElseThrow(() -> new IllegalStateException("no SMTP host set"));
        this.port = config.smtpPort();
        this.user = config.smtpUser().orElse(null);
        this.password = config.smtpPassword();
        var props = new Properties();
        boolean ssl = config.smtpTls().equals("ssl");
        String protocol = ssl ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", host);
        props.put("mail." + protocol + ".port", Integer.toString(port));
        props.put("mail." + protocol + ".auth", Boolean.toString(user != null));
        String timeout = Long.toString(config.sendTimeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        if (config.smtpTls().equals("true")) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(props);
        try {
            this.from = new InternetAddress(config.from(), "Lore", StandardCharsets.UTF_8.name());
            this.from.validate();
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("LORE_SMTP_FROM is not an email address: " + config.from(), e);
        }
    }

    /**
     * Sends one email.
     *
     * @throws BadAddressException when the recipient's address is malformed
     * @throws MessagingException when the server cannot be reached or refuses it (worth retrying)
     */
    public void send(Mail mail) throws BadAddressException, MessagingException {
        InternetAddress to;
        try {
            to = new InternetAddress(mail.to(), mail.toName(), StandardCharsets.UTF_8.name());
            to.validate();
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new BadAddressException("not an email address: '" + mail.to() + "'", e);
        }
        var message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + mail.messageId() + ">");
            }
        };
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setHeader("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.setHeader("Auto-Submitted", "auto-generated");
        var text = new MimeBodyPart();
        text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
        var html = new MimeBodyPart();
        html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
        var alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        try (Transport transport = session.getTransport()) {
            transport.connect(host, port, user, user == null ? null : password);
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
