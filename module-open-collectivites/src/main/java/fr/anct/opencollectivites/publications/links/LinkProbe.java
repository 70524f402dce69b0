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

/**
 * Checks one link: {@code HEAD}, then {@code GET} when the site refuses or mishandles HEAD; redirects
 * followed; transient failures (timeouts, network errors, 5xx, 429) retried with exponential backoff.
 */
final class LinkProbe {
    /** null error: the link works. */
    record Result(String error) {
        boolean broken() {
            return error != null;
        }
    }

    private final HttpClient client;
    private final LinkCheckSettings settings;
    private final Messages messages;

    LinkProbe(LinkCheckSettings settings, Messages messages) {
        this.settings = settings;
        this.messages = messages;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
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
                if (status < 400) {
                    return new Result(null);
                }
                error = messages.get("publications.links.error.status", status);
                if (status < 500 && status != 429) {
                    return new Result(error);
                }
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

    private int status(URI uri) throws IOException, InterruptedException {
        int head = send(uri, "HEAD");
        // some servers answer HEAD with 403, 405 or 501 (or even 404) while GET works
        return head < 400 ? head : send(uri, "GET");
    }

    private int send(URI uri, String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("User-Agent", HttpFetcher.USER_AGENT)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close(); // the status is all we need: do not download the page
        return response.statusCode();
    }
}
