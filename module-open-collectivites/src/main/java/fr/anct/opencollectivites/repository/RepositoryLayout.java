package fr.anct.opencollectivites.repository;

import java.io.StringReader;
import java.util.Set;

import javax.jcr.NamespaceRegistry;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.nodetype.NodeTypeManager;
import javax.jcr.security.Privilege;

import org.apache.jackrabbit.commons.JcrUtils;
import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first bootstrap step, which knows no feature: the {@code mgnl} and {@code oc} namespaces, Magnolia's
 * base node types, the workspace roots (live and draft) and the system root, and read access for everyone
 * on the live roots only, so that drafts never leak whatever query is run.
 */
public final class RepositoryLayout implements BootstrapStep {
    public static final String MGNL_URI = "http://www.magnolia.info/jcr/mgnl";
    public static final String OC_URI = "https://opencollectivites.anct.gouv.fr/jcr/oc/1.0";
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryLayout.class);
    private static final String BASE_NODE_TYPES = """
            <mgnl = 'http://www.magnolia.info/jcr/mgnl'>
            <oc = 'https://opencollectivites.anct.gouv.fr/jcr/oc/1.0'>
            [mgnl:content] > nt:unstructured, mix:referenceable
            [mgnl:contentNode] > nt:unstructured
            [mgnl:folder] > nt:unstructured, mix:referenceable
            [mgnl:page] > mgnl:content orderable
            [mgnl:area] > mgnl:content orderable
            [mgnl:component] > mgnl:content orderable
            """;

    @Override
    public void install(Session session) throws RepositoryException {
        registerNamespaces(session);
        registerBaseNodeTypes(session);
        createRoots(session);
    }

    private static void registerNamespaces(Session session) throws RepositoryException {
        NamespaceRegistry registry = session.getWorkspace().getNamespaceRegistry();
        Set<String> prefixes = Set.of(registry.getPrefixes());
        if (!prefixes.contains("mgnl")) {
            registry.registerNamespace("mgnl", MGNL_URI);
        }
        if (!prefixes.contains("oc")) {
            registry.registerNamespace("oc", OC_URI);
        }
    }

    /** Pages keep their areas, components and sub-pages in the authored order (Magnolia's page model). */
    private static void registerBaseNodeTypes(Session session) throws RepositoryException {
        NodeTypeManager manager = session.getWorkspace().getNodeTypeManager();
        if (manager.hasNodeType("mgnl:component") && manager.getNodeType("mgnl:area").hasOrderableChildNodes()) {
            return;
        }
        try {
            CndImporter.registerNodeTypes(new StringReader(BASE_NODE_TYPES), session, true);
        } catch (Exception e) {
            throw new RepositoryFailure("Cannot register node types: " + e.getMessage(), e);
        }
        LOG.info("Base node types registered");
    }

    private static void createRoots(Session session) throws RepositoryException {
        for (String workspace : Workspaces.LIVE) {
            String root = Workspaces.liveRoot(workspace);
            if (!session.nodeExists(root)) {
                JcrUtils.getOrCreateByPath(root, "mgnl:folder", session);
                AccessControlUtils.addAccessControlEntry(session, root, EveryonePrincipal.getInstance(),
                        new String[] {Privilege.JCR_READ}, true);
            }
            JcrUtils.getOrCreateByPath(Workspaces.draftRoot(workspace), "mgnl:folder", session);
        }
        JcrUtils.getOrCreateByPath("/" + Workspaces.SYSTEM, "mgnl:folder", session);
    }
}
