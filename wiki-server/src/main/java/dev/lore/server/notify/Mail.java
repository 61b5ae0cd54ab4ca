package dev.lore.server.notify;

/**
 * One email to send.
 *
 * @param messageId a stable id, so a resend after a crash is recognisably the same message
 * @param unsubscribeUrl the one-click unsubscribe address (RFC 8058 headers)
 */
public record Mail(
        String to, String toName, String subject, String text, String html, String messageId, String unsubscribeUrl) {}
