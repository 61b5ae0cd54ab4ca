package dev.lore.server.markdown;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns titles into URL slugs: lowercase ASCII words joined by hyphens, accents dropped, at most 80
 * characters. The same function makes wiki-link keys, so {@code [[Kafka Consumer Groups]]} finds
 * the page titled "Kafka consumer groups" at {@code /wiki/kafka-consumer-groups}.
 */
public final class Slugs {
    public static final int MAX_LENGTH = 80;

    private Slugs() {}

    public static String slugify(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replace("+", " plus ")
                .replace("#", " sharp ")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "page" : slug;
    }

    /** Whether {@code text} could be a slug (it may still name no page). */
    public static boolean isWellFormed(String text) {
        return text != null
                && !text.isEmpty()
                && text.length() <= MAX_LENGTH + 8
                && text.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }
}
