package dev.lore.server.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where a page may send the browser next ({@code next=}, {@code back=}, {@code to=}): only a path
 * on this site. Browsers forgive a lot in a {@code Location} (they drop tabs and newlines, read
 * {@code \} as {@code /}, and {@code //host} or {@code /\t/host} as another site), so anything
 * that is not plainly a local path is refused rather than repaired.
 */
public final class LocalPaths {
    private LocalPaths() {}

    /** {@code raw} when it is a path on this site, else empty. */
    public static Optional<String> local(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > 2000 || raw.charAt(0) != '/') {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.empty();
            }
        }
        if (raw.startsWith("//")) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw);
            if (uri.getScheme() != null
                    || uri.getRawAuthority() != null
                    || uri.getRawPath() == null
                    || !uri.getRawPath().startsWith("/")
                    || uri.getRawPath().startsWith("//")) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(raw);
    }

    /** {@code raw} when it is a path on this site, else {@code fallback}. */
    public static String localOr(String raw, String fallback) {
        return local(raw).orElse(fallback);
    }
}
