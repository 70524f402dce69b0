package fr.anct.opencollectivites.publications.harvest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Optional;

/**
 * Conditional GETs with {@link HttpClient}: sends {@code If-None-Match} / {@code If-Modified-Since}
 * from the previous fetch, follows redirects, enforces the timeouts and the size limit of
 * {@link FetchLimits} while reading (a lying or missing {@code Content-Length} changes nothing).
 */
public final class HttpFetcher {
    public static final String USER_AGENT = "OpenCollectivites-Harvester/1.0 (+https://opencollectivites.anct.gouv.fr)";
    private final HttpClient client;
    private final FetchLimits limits;

    public HttpFetcher(FetchLimits limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public FetchLimits limits() {
        return limits;
    }

    /** @param etag, lastModified validators of the previous fetch, or null */
    public FetchResult get(URI uri, String accept, String etag, String lastModified) throws HarvestProblem {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(limits.requestTimeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", accept)
                .GET();
        if (etag != null && !etag.isBlank()) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null && !lastModified.isBlank()) {
            request.header("If-Modified-Since", lastModified);
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new HarvestProblem(e, "publications.harvest.error.unreachable", uri);
        } catch (HttpTimeoutException e) {
            throw new HarvestProblem(e, "publications.harvest.error.timeout", uri, limits.requestTimeout().toSeconds());
        } catch (IOException e) {
            throw new HarvestProblem(e, "publications.harvest.error.network", uri, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarvestProblem(e, "publications.harvest.error.interrupted", uri);
        }
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            Optional<String> newEtag = response.headers().firstValue("ETag");
            Optional<String> newLastModified = response.headers().firstValue("Last-Modified");
            if (status == 304) {
                return new FetchResult(response.uri(), null, null, etag, lastModified);
            }
            if (status < 200 || status > 299) {
                throw new HarvestProblem("publications.harvest.error.status", uri, status);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > limits.maxBytes()) {
                throw tooLarge(uri);
            }
            return new FetchResult(response.uri(), readLimited(body, uri),
                    response.headers().firstValue("Content-Type").orElse(null),
                    newEtag.orElse(null), newLastModified.orElse(null));
        } catch (HttpTimeoutException e) {
            throw new HarvestProblem(e, "publications.harvest.error.timeout", uri, limits.requestTimeout().toSeconds());
        } catch (IOException e) {
            throw new HarvestProblem(e, "publications.harvest.error.network", uri, String.valueOf(e.getMessage()));
        }
    }

    private byte[] readLimited(InputStream body, URI uri) throws IOException, HarvestProblem {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
            total += read;
            if (total > limits.maxBytes()) {
                throw tooLarge(uri);
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private HarvestProblem tooLarge(URI uri) {
        return new HarvestProblem("publications.harvest.error.tooLarge", uri, limits.maxBytes() / (1024 * 1024));
    }
}
