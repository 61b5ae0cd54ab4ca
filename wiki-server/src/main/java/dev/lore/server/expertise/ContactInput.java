package dev.lore.server.expertise;

import dev.lore.server.error.InvalidInputException;

/** The checks on how a person is reached besides their email: a chat handle and office hours. */
final class ContactInput {
    /** The longest chat handle and office hours a person may give. */
    static final int MAX_CHAT = 64, MAX_OFFICE_HOURS = 200;

    private ContactInput() {}

    /**
     * A chat handle without a leading {@code @}: letters, digits and {@code . _ - @}, at most
     * {@value #MAX_CHAT}; blank is empty.
     */
    static String chat(String raw) {
        String chat = raw == null ? "" : raw.strip();
        if (chat.startsWith("@")) {
            chat = chat.substring(1);
        }
        if (chat.length() > MAX_CHAT || !chat.matches("[\\p{L}\\p{N}._@-]*")) {
            throw new InvalidInputException("a chat handle is at most " + MAX_CHAT
                    + " letters, digits, dots, dashes, underscores or @, was '" + chat + "'");
        }
        return chat;
    }

    /** Office hours in the person's words: one line, at most {@value #MAX_OFFICE_HOURS} characters. */
    static String officeHours(String raw) {
        String hours = raw == null ? "" : raw.strip();
        if (hours.length() > MAX_OFFICE_HOURS || hours.contains("\n") || hours.contains("\r")) {
            throw new InvalidInputException("office hours are one line of at most " + MAX_OFFICE_HOURS
                    + " characters, e.g." + " \"I help with Kafka on Tuesdays 14-15\"");
        }
        return hours;
    }
}
