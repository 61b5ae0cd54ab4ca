package dev.lore.server.taught;

import dev.lore.server.error.InvalidInputException;
import java.util.Optional;

/**
 * The one line of "what I learned": whitespace and line breaks fold into single spaces, control
 * and formatting characters go, and what is left must be at most {@link #MAX} characters. It is
 * kept as plain text and escaped wherever it is shown (never rendered as Markdown or HTML).
 */
final class TaughtNotes {
    static final int MAX = 200;

    private TaughtNotes() {}

    /** The cleaned note; empty for none or blank. */
    static Optional<String> clean(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() > MAX) {
            throw new InvalidInputException(
                    "note must be one line of at most " + MAX + " characters, was " + text.length());
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
