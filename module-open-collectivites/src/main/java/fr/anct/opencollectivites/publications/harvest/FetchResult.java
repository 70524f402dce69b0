package fr.anct.opencollectivites.publications.harvest;

import java.net.URI;

/**
 * The answer to a conditional GET: {@code body} is null when the server answered 304 Not Modified.
 * {@code uri} is the final address after redirects, against which relative links are resolved.
 */
public record FetchResult(URI uri, byte[] body, String contentType, String etag, String lastModified) {
    public boolean notModified() {
        return body == null;
    }
}
