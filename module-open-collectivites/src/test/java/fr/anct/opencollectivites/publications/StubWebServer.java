package fr.anct.opencollectivites.publications;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port standing for the sites the harvester and the link checker
 * visit: static bodies with an ETag (answering 304 to a matching {@code If-None-Match}), files streamed
 * from disk, fixed statuses, slow answers and custom handlers. Counts requests per path.
 */
public final class StubWebServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    public StubWebServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** Every request line received, as {@code METHOD path?query}. */
    public List<String> requests() {
        return requests;
    }

    public StubWebServer handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    /** Serves a body with an ETag; a request naming that ETag gets 304 and no body. */
    public StubWebServer body(String path, byte[] body, String contentType, String etag) {
        return handle(path, exchange -> {
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
            }
            exchange.getResponseHeaders().add("Content-Type", contentType);
            send(exchange, 200, body);
        });
    }

    public StubWebServer resource(String path, String resource, String contentType, String etag) {
        return body(path, read(resource), contentType, etag);
    }

    /** Streams a file without announcing its length (chunked), as a lying server would. */
    public StubWebServer file(String path, Path file, String contentType) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody(); InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            } catch (IOException clientClosed) {
                // the client stopped reading: expected when it refuses an oversize body
            }
        });
    }

    public StubWebServer status(String path, int status) {
        return handle(path, exchange -> send(exchange, status, ("status " + status).getBytes()));
    }

    /** Answers only after {@code delayMillis}: longer than the client's timeout, it is a timeout. */
    public StubWebServer slow(String path, long delayMillis) {
        return handle(path, exchange -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "late".getBytes());
        });
    }

    /** Sends the headers and the start of a body at once, then stalls for {@code stallMillis}. */
    public StubWebServer trickle(String path, long stallMillis) {
        return handle(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>".getBytes());
                out.flush();
                Thread.sleep(stallMillis);
                out.write("</channel></rss>".getBytes());
            } catch (IOException | InterruptedException clientGone) {
                // the client gave up
            }
        });
    }

    public static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException clientClosed) {
            // the client gave up (timeout): nothing to do
        }
    }

    public static byte[] read(String resource) {
        try (InputStream in = StubWebServer.class.getResourceAsStream("/publications/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource publications/" + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
