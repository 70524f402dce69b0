package fr.anct.opencollectivites.repository.backedge;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.security.AccessPolicies;

/** A back-edge kept for {@code LayeringTest}: the repository layer calling up into security. */
public final class BootstrapCallingSecurity {
    private BootstrapCallingSecurity() {
    }

    public static void install(Session session) throws RepositoryException {
        AccessPolicies.install(session);
    }
}
