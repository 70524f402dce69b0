package fr.anct.opencollectivites.publications;

import static fr.anct.opencollectivites.publications.PublicationsTestSupport.TAGGER;
import static fr.anct.opencollectivites.publications.PublicationsTestSupport.property;
import static fr.anct.opencollectivites.publications.PublicationsTestSupport.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import fr.anct.opencollectivites.TestLightModule;
import fr.anct.opencollectivites.publications.harvest.FetchLimits;
import fr.anct.opencollectivites.publications.harvest.Harvester;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;
import fr.anct.opencollectivites.publications.harvest.SourceRun;
import fr.anct.opencollectivites.publications.links.LinkCheckSettings;
import fr.anct.opencollectivites.publications.links.LinkChecker;
import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Pen-test finding: harvest sources (and links checked) reached internal addresses. A loopback listener
 * stands for an internal service: whatever address a source names, directly or through a redirect from
 * an allowed server, the listener receives no connection, and the source's public status says why
 * without telling an open port from a closed one.
 */
@Tag("http")
class OutboundAddressTest {
    private OakRepository repository;
    private LoopbackListener internal;
    private StubWebServer allowed;

    @BeforeEach
    void setUp() throws IOException {
        repository = PublicationsTestSupport.repository();
        internal = new LoopbackListener();
        allowed = new StubWebServer();
    }

    @AfterEach
    void tearDown() throws IOException {
        allowed.close();
        internal.close();
        repository.close();
    }

    private Harvester harvester(OutboundPolicy policy) {
        return new Harvester(repository, TestLightModule.contentTypes(), TAGGER,
                new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024), policy),
                TestLightModule.messages(), Clock.systemUTC());
    }

    @Test
    void sourcesNamingLoopbackAreRefusedWithoutAConnection() {
        int port = internal.port();
        // the listener's port is allowed, so that what refuses is the address rule, not the port rule
        Harvester harvester = harvester(new OutboundPolicy(Set.of(80, 443, port), Set.of()));
        String[] urls = {"http://127.0.0.1:" + port + "/feed.xml", "http://localhost:" + port + "/metrics",
                "http://[::1]:" + port + "/", "http://127.1:" + port + "/", "http://2130706433:" + port + "/",
                "http://0.0.0.0:" + port + "/"};
        for (int i = 0; i < urls.length; i++) {
            sourceStoredAsIs("interne" + i, urls[i]);
            SourceRun run = harvester.harvest("interne" + i);
            assertThat(run.error()).as(urls[i]).startsWith("Source refusée : ").contains("adresse interne");
            assertThat(property(repository, "/publications/sources/interne" + i, "lastError")).isEqualTo(run.error());
        }
        assertThat(internal.connections()).as("connections received by the internal service").isZero();
    }

    /** The anonymous status of a source told an open internal port from a closed one. */
    @Test
    void thePublicStatusTellsNoOpenPortFromAClosedOne() throws IOException {
        int open = internal.port();
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        Harvester harvester = harvester(new OutboundPolicy(Set.of(80, 443, open, closed), Set.of()));
        source(repository, "ouvert", "feed", "http://127.0.0.1:" + open + "/", true, Map.of());
        source(repository, "ferme", "feed", "http://127.0.0.1:" + closed + "/", true, Map.of());
        String openError = harvester.harvest("ouvert").error();
        String closedError = harvester.harvest("ferme").error();
        assertThat(openError.replace(String.valueOf(open), "PORT")).isEqualTo(closedError.replace(String.valueOf(closed), "PORT"));
        assertThat(internal.connections()).isZero();

        // hosts an operator trusts are reached; their raw network errors still go to the log only
        Harvester trusting = harvester(new OutboundPolicy(Set.of(80, 443, open, closed),
                Set.of("127.0.0.1:" + open, "127.0.0.1:" + closed)));
        assertThat(trusting.harvest("ferme").error())
                .isEqualTo("Source injoignable : la connexion à http://127.0.0.1:" + closed + "/ a échoué.");
        assertThat(trusting.harvest("ouvert").error()).isEqualTo("Erreur réseau en lisant http://127.0.0.1:" + open
                + "/ (le détail est dans le journal du serveur).");
    }

    @Test
    void aRedirectToLoopbackIsRefusedAtThatHop() {
        int port = internal.port();
        allowed.handle("/to-internal.xml", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/feed.xml");
            exchange.sendResponseHeaders(302, -1);
        });
        allowed.handle("/to-localhost.xml", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + port + "/feed.xml");
            exchange.sendResponseHeaders(301, -1);
        });
        // the redirecting server stands for a public one: trusted by its exact host and port, not the listener
        Harvester harvester = harvester(new OutboundPolicy(Set.of(80, 443, port),
                Set.of("127.0.0.1:" + allowed.uri("/").getPort())));
        source(repository, "rebond", "feed", allowed.uri("/to-internal.xml").toString(), true, Map.of());
        source(repository, "rebond2", "feed", allowed.uri("/to-localhost.xml").toString(), true, Map.of());

        assertThat(harvester.harvest("rebond").error()).isEqualTo("Source refusée : http://127.0.0.1:" + port
                + "/feed.xml désigne une adresse interne (boucle locale, réseau privé, lien local, métadonnées) ou un port"
                + " non autorisé (80 et 443 seulement, sauf configuration).");
        assertThat(harvester.harvest("rebond2").error()).startsWith("Source refusée : http://localhost:" + port);
        assertThat(allowed.hits("/to-internal.xml")).isEqualTo(1);
        assertThat(internal.connections()).isZero();
    }

    @Test
    void onlyPorts80And443UnlessConfigured() throws Exception {
        OutboundPolicy policy = OutboundPolicy.DEFAULT;
        // an address that is public but on another port: refused before any resolution or connection
        assertRefused(policy, "http://8.8.8.8:8080/");
        assertRefused(policy, "https://8.8.8.8:22/");
        assertRefused(policy, "ftp://8.8.8.8/");
        assertRefused(policy, "http://user:secret@8.8.8.8/");
        policy.check(java.net.URI.create("https://8.8.8.8/"));
        new OutboundPolicy(Set.of(80, 443, 8080), Set.of()).check(java.net.URI.create("http://8.8.8.8:8080/"));
    }

    @Test
    void internalRangesAreNotPublic() throws UnknownHostException {
        for (String address : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.64.0.1", "0.0.0.0", "0.1.2.3", "224.0.0.1", "255.255.255.255", "198.18.0.1",
                "::1", "::", "fe80::1", "fd00::1", "fc00::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a00:1",
                "2002:7f00:1::1", "ff02::1", "fec0::1"}) {
            assertThat(OutboundPolicy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : new String[] {"8.8.8.8", "193.51.24.1", "172.32.0.1", "2001:4860:4860::8888"}) {
            assertThat(OutboundPolicy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void theLinkCheckerNeverProbesAnInternalAddress() {
        int port = internal.port();
        allowed.handle("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/admin");
            exchange.sendResponseHeaders(302, -1);
        });
        PublicationsTestSupport.publication(repository, "/publications/items/in/interne", "interne",
                "http://127.0.0.1:" + port + "/admin");
        PublicationsTestSupport.publication(repository, "/publications/items/re/rebond", "rebond",
                allowed.uri("/moved").toString());
        LinkChecker checker = new LinkChecker(repository, TestLightModule.contentTypes(), TestLightModule.messages(),
                new LinkCheckSettings(Duration.ofSeconds(1), 1, Duration.ofMillis(10)),
                new OutboundPolicy(Set.of(80, 443, port), Set.of("127.0.0.1:" + allowed.uri("/").getPort())),
                Clock.systemUTC());
        checker.checkAll();

        assertThat(property(repository, "/publications/items/in/interne", "linkError")).contains("adresse interne");
        assertThat(property(repository, "/publications/items/re/rebond", "linkError")).contains("adresse interne");
        assertThat(internal.connections()).isZero();
    }

    /**
     * A source whose address is written as it is, as one stored before the url type existed would be
     * ({@code http://127.1/} and {@code http://2130706433/} are not even accepted on save today).
     */
    private void sourceStoredAsIs(String code, String url) {
        source(repository, code, "feed", "https://example.org/feed.xml", true, Map.of());
        repository.withSystemSession(session -> {
            session.getNode("/publications/sources/" + code).setProperty("url", url);
            session.save();
            return null;
        });
    }

    private static void assertRefused(OutboundPolicy policy, String uri) {
        try {
            policy.check(java.net.URI.create(uri));
            throw new AssertionError("accepted: " + uri);
        } catch (OutboundPolicy.RefusedAddressException expected) {
            // refused
        }
    }

    /** An internal service on loopback: counts the connections it accepts. */
    private static final class LoopbackListener implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger connections = new AtomicInteger();

        LoopbackListener() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket ignored = socket.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        if (!socket.isClosed()) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
            }, "loopback-listener");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int connections() {
            return connections.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
