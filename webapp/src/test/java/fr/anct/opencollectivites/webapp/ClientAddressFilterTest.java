package fr.anct.opencollectivites.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** X-Forwarded-For counts only when the connection comes from a configured proxy. */
@Tag("unit")
class ClientAddressFilterTest {
    private final ClientAddressFilter filter = new ClientAddressFilter(List.of("10.0.0.2", "192.168.0.0/16", "fd00::/8"));

    @Test
    void aHeaderFromAnUntrustedPeerIsIgnored() {
        assertThat(filter.clientAddress("198.51.100.7", List.of("203.0.113.9"))).isEqualTo("198.51.100.7");
        assertThat(filter.clientAddress("10.0.0.3", List.of("203.0.113.9"))).isEqualTo("10.0.0.3");
    }

    @Test
    void fromATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        assertThat(filter.clientAddress("10.0.0.2", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(filter.clientAddress("10.0.0.2", List.of("1.2.3.4, 203.0.113.9, 192.168.4.5"))).isEqualTo("203.0.113.9");
        assertThat(filter.clientAddress("fd00::1", List.of("1.2.3.4", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(filter.clientAddress("10.0.0.2", List.of("evil, 192.168.4.5"))).isEqualTo("192.168.4.5");
        assertThat(filter.clientAddress("10.0.0.2", null)).isEqualTo("10.0.0.2");
    }

    @Test
    void aBadSettingStopsStartup() {
        assertThatThrownBy(() -> new ClientAddressFilter(List.of("proxy.local"))).hasMessageContaining("security.trustedProxies");
        assertThatThrownBy(() -> new ClientAddressFilter(List.of("10.0.0.0/40"))).hasMessageContaining("security.trustedProxies");
    }
}
