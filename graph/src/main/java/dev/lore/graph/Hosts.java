package dev.lore.graph;

/**
 * Listening addresses as other code reaches them: a wildcard address ({@code 0.0.0.0}, {@code ::})
 * listens on every interface and is reached on loopback; an IPv6 literal goes in brackets in a URI.
 */
public final class Hosts {
    private Hosts() {}

    /** Whether {@code host} means every interface. */
    public static boolean wildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
    }

    /** {@code host} as written in a URI's authority: an IPv6 literal in brackets. */
    public static String inUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Where a process on this machine reaches a server listening on {@code host}, as written in a URI. */
    public static String reachable(String host) {
        return inUri(wildcard(host) ? "127.0.0.1" : host);
    }
}
