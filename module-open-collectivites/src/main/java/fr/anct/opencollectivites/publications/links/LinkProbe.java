package fr.anct.opencollectivites.publications.links;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.publications.harvest.HttpFetcher;
import fr.anct.opencollectivites.publications.harvest.OutboundPolicy;

/**
 * Checks one link: {@code HEAD}, then {@code GET} when the site refuses or mishandles HEAD; up to 5
 * redirects followed, each hop checked by {@link OutboundPolicy} (a link to an internal address, or
 * redirected there, is reported and never requested); transient failures (timeouts, network errors, 5xx, 429) retried with exponential backoff.
 */
final class LinkProbe {
    /** null error: the link works. */
    record Result(String error) {
        boolean broken() {
            return error != null;
        }
    }

    private static final int MAX_REDIRECTS = 5;
    private static final int TOO_MANY_REDIRECTS = -1;
    private static final java.util.Set<Integer> REDIRECTS = java.util.Set.of(301, 302, 303, 307, 308);
    private final HttpClient client;
    private final LinkCheckSettings settings;
    private final OutboundPolicy outbound;
    private final Messages messages;

    LinkProbe(LinkCheckSettings settings, OutboundPolicy outbound, Messages messages) {
        this.settings = settings;
        this.outbound = outbound;
        this.messages = messages;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Result check(String link) throws InterruptedException {
        URI uri;
        try {
            uri = URI.create(link.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Result(messages.get("publications.links.error.invalid", link));
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
            return new Result(messages.get("publications.links.error.invalid", link));
        }
        String error = null;
        long pause = settings.backoff().toMillis();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            try {
                int status = status(uri);
                if (status == TOO_MANY_REDIRECTS) {
                    return new Result(messages.get("publications.links.error.redirects"));
                }
                if (status < 400) {
                    return new Result(null);
                }
                error = messages.get("publications.links.error.status", status);
                if (status < 500 && status != 429) {
                    return new Result(error);
                }
            } catch (OutboundPolicy.RefusedAddressException e) {
                return new Result(messages.get("publications.links.error.refusedAddress", link));
            } catch (HttpTimeoutException e) {
                error = messages.get("publications.links.error.timeout", settings.timeout().toMillis() / 1000.0, settings.attempts());
            } catch (IOException e) {
                error = messages.get("publications.links.error.network", settings.attempts(), String.valueOf(e.getMessage()));
            }
            if (attempt < settings.attempts()) {
                Thread.sleep(pause);
                pause *= 2;
            }
        }
        return new Result(error);
    }

    private int status(URI uri) throws IOException, InterruptedException, OutboundPolicy.RefusedAddressException {
        int head = follow(uri, "HEAD");
        // some servers answer HEAD with 403, 405 or 501 (or even 404) while GET works
        return head >= 400 ? follow(uri, "GET") : head;
    }

    private int follow(URI uri, String method) throws IOException, InterruptedException,
            OutboundPolicy.RefusedAddressException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            outbound.check(current);
            HttpResponse<InputStream> response = send(current, method);
            response.body().close(); // the status is all we need: do not download the page
            int status = response.statusCode();
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(status) || location == null) {
                return status;
            }
            try {
                current = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new OutboundPolicy.RefusedAddressException("invalid redirect " + location);
            }
        }
        return TOO_MANY_REDIRECTS;
    }

    private HttpResponse<InputStream> send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("User-Agent", HttpFetcher.USER_AGENT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }
}
