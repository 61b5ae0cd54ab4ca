package dev.lore.server.notify;

import dev.lore.server.error.InvalidInputException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/** Checks webhook URLs: http(s) only, and unless allowed, no loopback, private or link-local address (SSRF). */
final class Addresses {
    private Addresses() {}

    static URI check(String raw, boolean allowPrivate) {
        URI uri;
        try {
            uri = URI.create(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url must be an http or https URL, was '" + abbreviate(raw) + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new InvalidInputException(
                    "url must be an http or https URL with a host, was '" + abbreviate(raw) + "'");
        }
        if (!allowPrivate) {
            for (InetAddress address : resolve(uri.getHost())) {
                if (isPrivate(address)) {
                    throw new InvalidInputException("url points at a loopback or private address ("
                            + address.getHostAddress() + "); webhooks may only call public addresses here");
                }
            }
        }
        return uri;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url's host '" + abbreviate(host) + "' cannot be resolved");
        }
    }

    static boolean isPrivate(InetAddress a) {
        if (a.isLoopbackAddress()
                || a.isSiteLocalAddress()
                || a.isLinkLocalAddress()
                || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        // IPv6 unique local fc00::/7, and 100.64.0.0/10 (carrier-grade NAT)
        return (b.length == 16 && (b[0] & 0xfe) == 0xfc)
                || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }

    private static String abbreviate(String v) {
        return v == null ? "" : v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }
}
