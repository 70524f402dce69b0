package fr.anct.opencollectivites.authoring.ui;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Multipart forms of the authoring pages are parsed (and their files buffered) before any resource runs:
 * a body declaring more than the limit is refused at once (413), and a body without a length is cut at
 * the limit. The limit leaves room for a file at the asset store's cap plus the form's fields, so a file
 * just over the cap still reaches the store, whose message names it. Pre-matching: it limits the body
 * before {@link AuthorPageFilter} reads the form's CSRF token.
 */
@PreMatching
final class UploadSizeFilter implements ContainerRequestFilter {
    private final long limit;
    private final String message;

    UploadSizeFilter(long limit, String message) {
        this.limit = limit;
        this.message = message;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                || !request.getUriInfo().getPath().startsWith("auteur/")) {
            return;
        }
        if (request.getLength() > limit) {
            request.abortWith(Response.status(413).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store").entity(message).build());
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }

    private static final class Limited extends FilterInputStream {
        private long left;

        Limited(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && --left < 0) {
                throw new IOException("request body over the upload limit");
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (left -= n) < 0) {
                throw new IOException("request body over the upload limit");
            }
            return n;
        }
    }
}
