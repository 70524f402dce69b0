package fr.anct.opencollectivites.authoring.ui;

import java.security.Principal;

import jakarta.ws.rs.core.SecurityContext;

import fr.anct.opencollectivites.security.WebSessions;

/** The signed-in author of an {@link AuthorPage} request, as {@link AuthorPageFilter} found their session. */
record Author(WebSessions.WebSession session) implements Principal {
    @Override
    public String getName() {
        return session.userId();
    }

    String userId() {
        return session.userId();
    }

    String csrfToken() {
        return session.csrfToken();
    }

    /** The author of the current request (the filter guarantees one on an {@link AuthorPage}). */
    static Author of(SecurityContext security) {
        if (security.getUserPrincipal() instanceof Author author) {
            return author;
        }
        throw new IllegalStateException("Not an @AuthorPage request: no author");
    }
}
