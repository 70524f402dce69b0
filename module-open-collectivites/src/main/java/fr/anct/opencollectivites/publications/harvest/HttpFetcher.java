package fr.anct.opencollectivites.publications.harvest;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Conditional GETs with {@link HttpClient}: sends {@code If-None-Match} / {@code If-Modified-Since}
 * from the previous fetch, follows up to 5 redirects itself so that {@link OutboundPolicy} checks every
 * hop (no fetch reaches an internal address, directly or redirected), enforces the timeouts (connection, and a deadline for the
 * whole download: a server trickling its body is cut) and the size limit of {@link FetchLimits} while
 * downloading (a lying or missing {@code Content-Length} changes nothing).
 */
public final class HttpFetcher {
    public static final String USER_AGENT = "OpenCollectivites-Harvester/1.0 (+https://opencollectivites.anct.gouv.fr)";
    private final HttpClient client;
    private static final int MAX_REDIRECTS = 5;
    private final FetchLimits limits;
    private final OutboundPolicy policy;

    /** Public addresses on ports 80 and 443 only ({@link OutboundPolicy#DEFAULT}). */
    public HttpFetcher(FetchLimits limits) {
        this(limits, OutboundPolicy.DEFAULT);
    }

    public HttpFetcher(FetchLimits limits, OutboundPolicy policy) {
        this.limits = limits;
        this.policy = policy;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public FetchLimits limits() {
        return limits;
    }

    /** @param etag, lastModified validators of the previous fetch, or null */
    public FetchResult get(URI uri, String accept, String etag, String lastModified) throws HarvestProblem {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            try {
                policy.check(current);
            } catch (OutboundPolicy.RefusedAddressException e) {
                throw new HarvestProblem(e, "publications.harvest.error.refusedAddress", current);
            }
            HttpResponse<byte[]> response = send(current, accept, etag, lastModified);
            int status = response.statusCode();
            if (status == 304) {
                return new FetchResult(current, null, null, etag, lastModified);
            }
            if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
                String location = response.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    throw new HarvestProblem("publications.harvest.error.status", current, status);
                }
                try {
                    current = current.resolve(location.strip());
                } catch (IllegalArgumentException e) {
                    throw new HarvestProblem(e, "publications.harvest.error.invalidUrl", location);
                }
                continue;
            }
            if (status < 200 || status > 299) {
                throw new HarvestProblem("publications.harvest.error.status", current, status);
            }
            return new FetchResult(current, response.body(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
        }
        throw new HarvestProblem("publications.harvest.error.redirects", uri);
    }

    private HttpResponse<byte[]> send(URI uri, String accept, String etag, String lastModified) throws HarvestProblem {
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
        long declaredLimit = limits.maxBytes();
        HttpResponse.BodyHandler<byte[]> handler = info -> {
            // an error page is discarded (the whole download stays under the deadline below)
            boolean ok = info.statusCode() >= 200 && info.statusCode() <= 299;
            return ok ? new LimitedBodySubscriber(declaredLimit) : HttpResponse.BodySubscribers.replacing(null);
        };
        // the request timeout of HttpClient stops at the headers: the whole download gets a deadline too
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request.build(), handler);
        HttpResponse<byte[]> response;
        try {
            response = pending.get(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new HarvestProblem(e, "publications.harvest.error.timeout", uri, limits.requestTimeout().toSeconds());
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new HarvestProblem(e, "publications.harvest.error.interrupted", uri);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LimitedBodySubscriber.TooLargeException) {
                throw tooLarge(uri);
            } else if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                throw new HarvestProblem(cause, "publications.harvest.error.unreachable", uri);
            } else if (cause instanceof HttpTimeoutException) {
                throw new HarvestProblem(cause, "publications.harvest.error.timeout", uri, limits.requestTimeout().toSeconds());
            }
            // the exception's own text (which may tell an open port from a closed one) goes to the log only
            throw new HarvestProblem(cause, "publications.harvest.error.network", uri);
        }
        return response;
    }

    private HarvestProblem tooLarge(URI uri) {
        return new HarvestProblem("publications.harvest.error.tooLarge", uri, limits.maxBytes() / (1024 * 1024));
    }
}
