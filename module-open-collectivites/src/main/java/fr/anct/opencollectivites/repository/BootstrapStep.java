package fr.anct.opencollectivites.repository;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * What a feature installs in the repository on every start (node types, access-control entries,
 * indexes, folders), comparing before it writes. Run in order by the composition root in one system
 * session, saved once; a step never saves.
 */
@FunctionalInterface
public interface BootstrapStep {
    void install(Session session) throws RepositoryException;
}
