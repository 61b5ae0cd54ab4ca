package dev.lore.server.web;

import dev.lore.server.error.InvalidInputException;
import dev.lore.server.error.UnsupportedMediaTypeException;
import io.javalin.http.Context;

/** Reading request input with clear 400s: JSON bodies and bounded integer parameters. */
public final class Requests {
    private Requests() {}

    /**
     * The JSON body as {@code type}; a missing, {@code null} or mistyped body is a 400, and a body
     * not sent as {@code application/json} a 415. The content type matters for safety: a page on
     * another site can post {@code text/plain} or a form without asking, but not JSON.
     */
    public static <T> T body(Context ctx, Class<T> type) {
        requireJson(ctx);
        T body;
        try {
            body = ctx.bodyAsClass(type);
        } catch (NullPointerException e) { // Javalin's Kotlin mapper rejects a literal null body this way
            body = null;
        }
        if (body == null) {
            throw new InvalidInputException("a JSON object body is required");
        }
        return body;
    }

    /** Throws a 415 unless the request says its body is {@code application/json}. */
    public static void requireJson(Context ctx) {
        String contentType = ctx.header("Content-Type");
        String media =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new UnsupportedMediaTypeException("send the body as JSON with Content-Type: application/json, was "
                    + (contentType == null ? "no content type" : "'" + abbreviate(contentType) + "'"));
        }
    }

    /** Required text: stripped, 1-{@code max} characters, else a 400 naming {@code field}. */
    public static String requiredText(String raw, String field, int max) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.length() > max) {
            throw new InvalidInputException(field + " must be 1-" + max + " characters, was " + text.length());
        }
        return text;
    }

    /** Optional text: stripped ({@code null} is empty), at most {@code max} characters, else a 400. */
    public static String optionalText(String raw, String field, int max) {
        String text = raw == null ? "" : raw.strip();
        if (text.length() > max) {
            throw new InvalidInputException(field + " must be at most " + max + " characters, was " + text.length());
        }
        return text;
    }

    /** An optional integer query parameter within [min, max]. */
    public static int intQuery(Context ctx, String name, int fallback, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        return parse(name, raw, min, max);
    }

    /** A required integer path parameter within [min, max]. */
    public static int intPath(Context ctx, String name, int min, int max) {
        return parse(name, ctx.pathParam(name), min, max);
    }

    /** A required integer query parameter within [min, max]. */
    public static int requiredIntQuery(Context ctx, String name, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException(name + " is required");
        }
        return parse(name, raw, min, max);
    }

    private static int parse(String name, String raw, int min, int max) {
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name + " must be a whole number, was '" + abbreviate(raw) + "'");
        }
        if (value < min || value > max) {
            throw new InvalidInputException(name + " must be " + min + "-" + max + ", was " + value);
        }
        return value;
    }

    private static String abbreviate(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
