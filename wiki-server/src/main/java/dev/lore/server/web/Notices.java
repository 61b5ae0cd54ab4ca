package dev.lore.server.web;

import java.util.Map;
import java.util.Optional;

/**
 * The one-line confirmation a page shows after a form sent the browser back to it ("Kudos sent").
 * Lore has no session flash: the form's redirect carries {@code done=WHAT}, and only the fixed
 * messages here can be shown, so a crafted link cannot put words on a page.
 */
public final class Notices {
    public static final String PARAM = "done";

    private static final Map<String, String> MESSAGES = Map.of(
            "kudos", "Kudos sent: thank you for saying thanks.",
            "flag", "Thank you: your flag is with the champions, and you will hear what they decide.");

    private Notices() {}

    /** The message for a request's {@code done=} parameter; empty when it names none. */
    public static Optional<String> of(String done) {
        return Optional.ofNullable(done).map(MESSAGES::get);
    }

    /**
     * {@code back} (a local path, possibly with a query and a fragment) with {@code done=what} added,
     * pointing at the notice so the browser shows it.
     */
    public static String url(String back, String what) {
        int hash = back.indexOf('#');
        String path = hash < 0 ? back : back.substring(0, hash);
        return path + (path.contains("?") ? "&" : "?") + PARAM + "=" + what + "#notice";
    }
}
