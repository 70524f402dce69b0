package fr.anct.opencollectivites.delivery;

import javax.jcr.Session;

import jakarta.ws.rs.core.SecurityContext;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * The repository session a delivery request reads with; the resource logs it out after the request.
 * The public one is anonymous: the repository's ACLs then show live content only, so no draft can
 * leak whatever the query. An authorised preview (drafts for an editor) plugs in here later.
 */
@FunctionalInterface
public interface SessionProvider {
    Session open(SecurityContext request);

    static SessionProvider anonymous(OakRepository repository) {
        return request -> repository.loginAnonymous();
    }
}
