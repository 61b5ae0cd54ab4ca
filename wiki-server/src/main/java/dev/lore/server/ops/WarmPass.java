package dev.lore.server.ops;

import dev.lore.graph.person.Person;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How the start-up warm-up ({@link WarmUp}) opens pages as a signed-in person without signing in:
 * a random 256-bit pass that exists only in this process's memory while warming runs, presented in
 * the {@value #HEADER} header of its own requests. It is accepted only on GET and HEAD (it can show
 * a page, never change anything), and only until {@link #revoke}; nothing about it is stored: no
 * session, no token in the graph, no "last used" noted. At most one pass is live. Thread-safe.
 */
public final class WarmPass {
    public static final String HEADER = "X-Lore-Warm-Up";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private record Issued(byte[] token, Person viewer) {}

    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Optional<Issued>> live = new AtomicReference<>(Optional.empty());

    /** A new pass that shows pages as {@code viewer}, replacing any live one; the value for {@value #HEADER}. */
    public String issue(Person viewer) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        live.set(Optional.of(new Issued(token.getBytes(StandardCharsets.US_ASCII), viewer)));
        return token;
    }

    /** Ends the live pass, if any: from now on the header is ignored. */
    public void revoke() {
        live.set(Optional.empty());
    }

    /** Whether a pass is live (warming runs). */
    public boolean live() {
        return live.get().isPresent();
    }

    /**
     * The person a request with {@code method} that presented {@code presented} (the header's
     * value, or null) is shown pages as: present only for a read request with the live pass.
     */
    public Optional<Person> viewer(String method, String presented) {
        if (presented == null || !READ_METHODS.contains(method)) {
            return Optional.empty();
        }
        byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
        return live.get().filter(i -> MessageDigest.isEqual(i.token(), given)).map(Issued::viewer);
    }
}
