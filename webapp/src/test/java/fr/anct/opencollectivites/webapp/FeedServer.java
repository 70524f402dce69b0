package fr.anct.opencollectivites.webapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real, slow RSS server for the crash campaign: {@code /feed/<source>} serves {@code items} entries
 * whose titles carry the source and the current trial number, dripped in pieces so that a harvest
 * spends a while downloading before it writes. No validators (ETag, Last-Modified): every harvest
 * downloads and compares again.
 */
final class FeedServer implements AutoCloseable {
    private static final int PIECES = 10;
    private static final long PAUSE_MILLIS = 40;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final int items;
    private volatile int trial;
    private final AtomicLong firstFetchNanos = new AtomicLong();

    private FeedServer(int items) throws IOException {
        this.items = items;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/feed/", this::serve);
        server.start();
    }

    static FeedServer start(int items) throws IOException {
        return new FeedServer(items);
    }

    String url(String source) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/feed/" + source;
    }

    /** From now on the feeds carry this trial's number; {@link #fetched()} waits for its first request again. */
    void serveTrial(int number) {
        trial = number;
        firstFetchNanos.set(0);
    }

    boolean fetched() {
        return firstFetchNanos.get() != 0;
    }

    /** {@link System#nanoTime()} of the first request since {@link #serveTrial}, 0 before it. */
    long firstFetchNanos() {
        return firstFetchNanos.get();
    }

    static String title(int item, String source, int trial) {
        return "Dotations de la publication " + item + " de la source " + source + ", essai " + trial;
    }

    static String link(String source, int item) {
        return "http://publications.example.org/" + source + "/" + item;
    }

    static String guid(String source, int item) {
        return source + "-" + item;
    }

    private void serve(HttpExchange exchange) throws IOException {
        firstFetchNanos.compareAndSet(0, System.nanoTime());
        String source = exchange.getRequestURI().getPath().substring("/feed/".length());
        byte[] body = feed(source, trial).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            int piece = (body.length + PIECES - 1) / PIECES;
            for (int from = 0; from < body.length; from += piece) {
                out.write(body, from, Math.min(piece, body.length - from));
                out.flush();
                Thread.sleep(PAUSE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the harvesting process was killed mid-download
        }
    }

    private String feed(String source, int trial) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                + "<title>Source " + source + "</title><link>http://publications.example.org/</link><description>d</description>\n");
        for (int i = 0; i < items; i++) {
            xml.append("<item><title>").append(title(i, source, trial)).append("</title><link>").append(link(source, i))
                    .append("</link><guid>").append(guid(source, i)).append("</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate>")
                    .append("<description><![CDATA[<p>Montant des dotations versées aux collectivités.</p>]]></description></item>\n");
        }
        return xml.append("</channel></rss>\n").toString();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
