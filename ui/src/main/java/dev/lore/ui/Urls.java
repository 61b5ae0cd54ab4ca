package dev.lore.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** URL helpers for templates. */
public final class Urls {
    private Urls() {}

    /** Encodes a value for a query string. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
