package fr.anct.opencollectivites.repository;

import java.util.Optional;
import java.util.UUID;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

/**
 * A token renewed in the same save as every import that changes the live référentiel
 * ({@code /oc:system/referentiel/revision}). What is derived from the référentiel outside the
 * repository (the search index on local disk) records the token it reflects, and knows at start
 * whether it is current without reading every node: an import run while no server was listening
 * (the {@code import} command) renews it.
 */
public final class ReferentielRevision {
    public static final String PATH = "/" + Workspaces.SYSTEM + "/referentiel";
    private static final String PROPERTY = "revision";

    private ReferentielRevision() {
    }

    /** A new token; the caller saves. */
    public static void renew(Session session) throws RepositoryException {
        Node node = JcrUtils.getOrCreateByPath(PATH, "nt:unstructured", session);
        node.setProperty(PROPERTY, UUID.randomUUID().toString());
    }

    /** The token as this session sees it; empty before the first import. */
    public static Optional<String> current(Session session) throws RepositoryException {
        if (!session.nodeExists(PATH)) {
            return Optional.empty();
        }
        Node node = session.getNode(PATH);
        return node.hasProperty(PROPERTY) ? Optional.of(node.getProperty(PROPERTY).getString()) : Optional.empty();
    }
}
