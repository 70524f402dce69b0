package fr.anct.opencollectivites.webapp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

import fr.anct.opencollectivites.web.Caller;

/**
 * Hands the client's address to the authoring feature (login throttling per address, audit). The
 * address is the connection's peer, unless that peer is one of the configured reverse proxies
 * ({@code security.trustedProxies}: addresses or CIDR ranges): then {@code X-Forwarded-For} is read from
 * the right, skipping trusted proxies, and the first other address is the client. A header sent by
 * anyone else is ignored (a client cannot choose its own address).
 */
@PreMatching
final class ClientAddressFilter implements ContainerRequestFilter {
    private final List<Range> trustedProxies = new ArrayList<>();

    @Context
    private HttpServletRequest servletRequest;

    ClientAddressFilter(Collection<String> trustedProxies) {
        for (String proxy : trustedProxies) {
            this.trustedProxies.add(Range.parse(proxy));
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(Caller.CLIENT_ADDRESS, clientAddress(servletRequest.getRemoteAddr(),
                request.getHeaders().get("X-Forwarded-For")));
    }

    String clientAddress(String peer, List<String> forwardedFor) {
        peer = unbracket(peer);
        if (!trusted(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(unbracket(hop.strip()));
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteralAddress(hop)) {
                return client; // garbage (or a name) is not an address to trust: stop at the last good hop
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    private static String unbracket(String address) {
        return address != null && address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
    }

    private boolean trusted(String address) {
        if (!isLiteralAddress(address)) {
            return false;
        }
        byte[] bytes = literal(address);
        return trustedProxies.stream().anyMatch(range -> range.contains(bytes));
    }

    private static boolean isLiteralAddress(String text) {
        return text != null && !text.isEmpty() && (text.matches("[0-9.]+") || text.matches("[0-9A-Fa-f:.]+") && text.contains(":"));
    }

    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress(); // a literal: no name resolution
        } catch (UnknownHostException e) {
            return new byte[0];
        }
    }

    /** An address or a CIDR range, {@code 10.0.0.0/8}, {@code fd00::/8}. */
    private record Range(byte[] network, int prefix) {
        static Range parse(String text) {
            String[] parts = text.strip().split("/", 2);
            if (!isLiteralAddress(parts[0])) {
                throw new IllegalArgumentException("Setting security.trustedProxies: '" + text
                        + "' is not an IP address or a CIDR range (e.g. 10.0.0.2 or 10.0.0.0/24)");
            }
            byte[] network = literal(parts[0]);
            int prefix = network.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("Setting security.trustedProxies: bad prefix in '" + text + "'");
                }
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
