package dev.lore.server.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose forwarding headers Lore believes ({@code LORE_TRUSTED_PROXIES}):
 * addresses or CIDR ranges, IPv4 or IPv6. A request that comes straight from one of them may say,
 * in {@code X-Forwarded-For}, who the client was and, in {@code X-Forwarded-Proto}, that it arrived
 * over HTTPS; from anyone else those headers are ignored, since any client can send them. None are
 * trusted by default. Immutable and thread-safe.
 */
public final class TrustedProxies {
    private static final Pattern LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private TrustedProxies(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** Parses {@code 10.0.0.0/8, 192.168.1.7, ::1}; blank means none. */
    public static TrustedProxies parse(String raw) {
        var ranges = new ArrayList<Range>();
        for (String part : raw.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(address)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "LORE_TRUSTED_PROXIES must list IP addresses or CIDR ranges, was '" + entry + "'"));
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException(
                            "LORE_TRUSTED_PROXIES: the prefix of '" + entry + "' must be 0-" + bytes.length * 8);
                }
            }
            ranges.add(new Range(bytes, prefix));
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is one of the trusted proxies. */
    public boolean trusts(String address) {
        if (ranges.isEmpty() || address == null) {
            return false;
        }
        return literal(address)
                .map(bytes -> ranges.stream().anyMatch(r -> r.contains(bytes)))
                .orElse(false);
    }

    /**
     * The client's address: the peer's, or when the peer is a trusted proxy, the right-most entry
     * of {@code X-Forwarded-For} that is not itself a trusted proxy (entries further left are the
     * client's own claims and can be forged).
     */
    public String clientAddress(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        if (!trusts(peer)) {
            return peer;
        }
        List<String> forwarded = ctx.req().getHeaders("X-Forwarded-For") == null
                ? List.of()
                : java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        var hops = new ArrayList<String>();
        for (String header : forwarded) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (literal(hop).isEmpty()) {
                return peer; // not an address: the chain cannot be read, keep what is known
            }
            if (!trusts(hop)) {
                return hop;
            }
        }
        return peer;
    }

    /** Whether the request reached Lore, or the trusted proxy in front of it, over HTTPS. */
    public boolean isHttps(Context ctx) {
        if (ctx.req().isSecure()) {
            return true;
        }
        if (!trusts(ctx.req().getRemoteAddr())) {
            return false;
        }
        String proto = ctx.header("X-Forwarded-Proto");
        return proto != null
                && proto.split(",")[0].strip().toLowerCase(Locale.ROOT).equals("https");
    }

    /** The host the client asked for: {@code Host}, or a trusted proxy's {@code X-Forwarded-Host}. */
    public String requestedHost(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-Host");
        if (forwarded != null && !forwarded.isBlank() && trusts(ctx.req().getRemoteAddr())) {
            return forwarded.split(",")[0].strip();
        }
        return ctx.header("Host");
    }

    private static java.util.Optional<byte[]> literal(String address) {
        String a =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!LITERAL.matcher(a).matches()) {
            return java.util.Optional.empty(); // never a name: no DNS lookups here
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(a).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }
}
