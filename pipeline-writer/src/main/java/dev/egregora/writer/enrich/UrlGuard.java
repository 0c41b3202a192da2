package dev.egregora.writer.enrich;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * SSRF protection for link enrichment: only http(s) URLs on the default or an explicit port, whose host resolves
 * exclusively to public addresses. Loopback, private (RFC 1918, fc00::/7), link-local (169.254/16, fe80::/10, cloud
 * metadata), CGNAT (100.64/10), multicast, unspecified and IPv4-mapped forms of those are refused unless
 * {@code allowPrivate} (for tests and for users who explicitly allow their LAN). Immutable, thread-safe.
 */
public final class UrlGuard {
    /** Why a URL was refused. */
    public static final class RefusedUrlException extends Exception {
        RefusedUrlException(String message) {
            super(message);
        }
    }

    private final boolean allowPrivate;

    public UrlGuard(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** Checks {@code url}; returns the address to connect to (the first resolved one). */
    public InetAddress check(URI url) throws RefusedUrlException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUrlException("only http and https links are fetched: " + scheme);
        }
        if (url.getRawUserInfo() != null) {
            throw new RefusedUrlException("links with credentials are not fetched");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            throw new RefusedUrlException("link without a host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("unknown host " + host);
        }
        for (InetAddress a : addresses) {
            if (!allowPrivate && !isPublic(a)) {
                throw new RefusedUrlException(host + " resolves to a non-public address");
            }
        }
        return addresses[0];
    }

    /** Whether {@code a} is a globally routable unicast address. */
    public static boolean isPublic(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return false;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int b0 = b[0] & 0xff;
            int b1 = b[1] & 0xff;
            return !(b0 == 0 || b0 >= 240 // this network, reserved and broadcast
                    || (b0 == 100 && b1 >= 64 && b1 < 128) // CGNAT 100.64/10
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 IETF
                    || (b0 == 198 && (b1 == 18 || b1 == 19))); // benchmarking 198.18/15
        }
        if (a instanceof Inet6Address) {
            int b0 = b[0] & 0xff;
            if ((b0 & 0xfe) == 0xfc) {
                return false; // unique local fc00::/7
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
