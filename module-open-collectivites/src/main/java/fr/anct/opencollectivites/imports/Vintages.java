package fr.anct.opencollectivites.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.commons.JcrUtils;

import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The vintage the référentiel holds for each kind of file, by importer name
 * ({@code cog-communes = 2026}, {@code dgcl-epcicom = 2025}…), under {@code /oc:system/millesimes}:
 * platform data, readable by the system only, written in the same save as the file's content.
 */
public final class Vintages {
    public static final String PATH = "/" + Workspaces.SYSTEM + "/millesimes";

    private Vintages() {
    }

    public static Optional<Long> stored(Session session, String importer) throws RepositoryException {
        if (!session.nodeExists(PATH)) {
            return Optional.empty();
        }
        Node node = session.getNode(PATH);
        return node.hasProperty(importer) ? Optional.of(node.getProperty(importer).getLong()) : Optional.empty();
    }

    /** Every stored vintage, by importer name. */
    public static Map<String, Long> all(Session session) throws RepositoryException {
        Map<String, Long> all = new LinkedHashMap<>();
        if (session.nodeExists(PATH)) {
            for (PropertyIterator it = session.getNode(PATH).getProperties(); it.hasNext(); ) {
                Property property = it.nextProperty();
                if (!property.getName().contains(":")) {
                    all.put(property.getName(), property.getLong());
                }
            }
        }
        return all;
    }

    /** Sets the vintage; the caller saves. */
    static void store(Session session, String importer, long year) throws RepositoryException {
        JcrUtils.getOrCreateByPath(PATH, "nt:unstructured", session).setProperty(importer, year);
    }
}
