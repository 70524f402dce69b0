package fr.anct.opencollectivites.publications.harvest;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the platform's outbound fetches (harvest, link checker) may go: http(s) to a public address on
 * an allowed port (80 and 443 unless configured). The host is resolved and every address it resolves
 * to must be public: loopback, private (RFC 1918, IPv6 unique-local), link-local (with the cloud metadata
 * address 169.254.169.254), carrier-grade NAT, "this network", multicast and reserved ranges are
 * refused. Callers check every redirect hop again ({@link HttpFetcher} follows redirects itself).
 *
 * <p>The JDK caches a successful name resolution for 30 s (the {@code networkaddress.cache.ttl}
 * default), so the connection a moment later uses the addresses checked here: a DNS answer that changes
 * between check and connection (rebinding) is not seen within that time.
 *
 * <p>{@code trustedHosts} (configuration {@code outbound.trustedHosts}) lists hosts exempt from both
 * checks: {@code host} for any port, {@code host:port} for one (an intranet portal, a test server).
 */
public record OutboundPolicy(Set<Integer> allowedPorts, Set<String> trustedHosts) {
    public static final OutboundPolicy DEFAULT = new OutboundPolicy(Set.of(80, 443), Set.of());

    public OutboundPolicy {
        allowedPorts = Set.copyOf(allowedPorts);
        trustedHosts = trustedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A fetch the policy refuses; the message is for logs, callers show their own French text. */
    public static final class RefusedAddressException extends Exception {
        public RefusedAddressException(String message) {
            super(message);
        }
    }

    /** The default ports, with these hosts trusted (tests, an intranet source). */
    public static OutboundPolicy trusting(String... hosts) {
        return new OutboundPolicy(DEFAULT.allowedPorts, Set.of(hosts));
    }

    /** Refuses a URI that is not http(s), names a port not allowed, or resolves to a non-public address. */
    public void check(URI uri) throws RefusedAddressException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedAddressException("scheme " + scheme + " not allowed: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty() || uri.getRawUserInfo() != null) {
            throw new RefusedAddressException("no host, or credentials in the address: " + uri);
        }
        host = host.toLowerCase(Locale.ROOT);
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (trustedHosts.contains(host) || trustedHosts.contains(bare) || trustedHosts.contains(host + ":" + port)
                || trustedHosts.contains(bare + ":" + port)) {
            return;
        }
        if (!allowedPorts.contains(port)) {
            throw new RefusedAddressException("port " + port + " not allowed: " + uri);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("unknown host " + bare);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new RefusedAddressException(bare + " resolves to a non-public address " + address.getHostAddress()
                        + " (" + Arrays.toString(addresses) + ")");
            }
        }
    }

    /** Whether an address is a public unicast one (not loopback, private, link-local, reserved…). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(b);
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            if (allZero(b, 0, 10) && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff || allZero(b, 10, 12))) {
                // IPv4-mapped (::ffff:a.b.c.d) or IPv4-compatible (::a.b.c.d): judge the IPv4 inside
                return isPublicIpv4(Arrays.copyOfRange(b, 12, 16));
            }
            if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return isPublicIpv4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPublicIpv4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16 6to4
            }
            return first != 0x00 && (first & 0xe0) == 0x20; // global unicast 2000::/3 only
        }
        return false;
    }

    private static boolean isPublicIpv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        return !(a0 == 0 // "this network"
                || a0 == 10 || a0 == 127
                || a0 == 100 && a1 >= 64 && a1 <= 127 // carrier-grade NAT
                || a0 == 169 && a1 == 254 // link-local, cloud metadata
                || a0 == 172 && a1 >= 16 && a1 <= 31
                || a0 == 192 && a1 == 168
                || a0 == 192 && a1 == 0 && a2 == 0 // IETF protocol assignments
                || a0 == 198 && (a1 == 18 || a1 == 19) // benchmarking
                || a0 >= 224); // multicast, reserved, broadcast
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
