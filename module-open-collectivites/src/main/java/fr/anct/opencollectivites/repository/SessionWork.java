package fr.anct.opencollectivites.repository;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** A unit of work run inside a repository session that is logged out afterwards. */
@FunctionalInterface
public interface SessionWork<T> {
    T run(Session session) throws RepositoryException;
}
