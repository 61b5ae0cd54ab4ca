package dev.lore.server.expertise;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a request for a page is a person opening it, so it may count as a read: an image,
 * script, stylesheet, fetch or frame that points at {@code /wiki/...} is not, and neither is a
 * browser prefetching a link. Browsers that send Fetch Metadata say so with {@code Sec-Fetch-Dest:
 * document}; without it (older browsers, scripts) a request counts only when its {@code Accept}
 * asks for HTML, as a navigation's does and an image's, a script's or {@code *}{@code /*} does not.
 */
final class PageNavigation {
    private PageNavigation() {}

    static boolean isNavigation(Context ctx) {
        if (prefetch(ctx)) {
            return false;
        }
        Optional<String> dest = header(ctx, "Sec-Fetch-Dest");
        if (dest.isPresent()) {
            return dest.get().equalsIgnoreCase("document");
        }
        return acceptsHtml(ctx.header("Accept"));
    }

    /** A speculative load: {@code Sec-Purpose: prefetch} (or the older {@code Purpose}). */
    private static boolean prefetch(Context ctx) {
        return header(ctx, "Sec-Purpose")
                .or(() -> header(ctx, "Purpose"))
                .map(p -> p.toLowerCase(Locale.ROOT).contains("prefetch"))
                .orElse(false);
    }

    /** Whether an {@code Accept} header names {@code text/html} with a quality above zero. */
    static boolean acceptsHtml(String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            if (!parts[0].strip().equalsIgnoreCase("text/html")) {
                continue;
            }
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("q=") || param.startsWith("Q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            return q > 0;
        }
        return false;
    }

    private static Optional<String> header(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
