package fr.anct.opencollectivites.module;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.jcr.NamespaceRegistry;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.nodetype.NodeTypeManager;
import javax.jcr.security.Privilege;

import org.apache.jackrabbit.commons.JcrUtils;
import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryFailure;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Installs what the platform needs in the repository on first start and upgrades it on later starts:
 * namespaces, Magnolia-style node types plus one node type per content type, the workspace roots,
 * read access for everyone on live content only, and property indexes for every property declared
 * {@code indexed} so that queries never traverse. Every step compares before it writes.
 */
public final class RepositoryBootstrap {
    public static final String MGNL_URI = "http://www.magnolia.info/jcr/mgnl";
    public static final String OC_URI = "https://opencollectivites.anct.gouv.fr/jcr/oc/1.0";
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryBootstrap.class);
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

    private final ContentTypeRegistry contentTypes;

    public RepositoryBootstrap(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    public void install(OakRepository repository) {
        repository.withSystemSession(session -> {
            registerNamespaces(session);
            registerNodeTypes(session);
            createRoots(session);
            fr.anct.opencollectivites.security.AccessPolicies.install(session);
            installIndexes(session);
            session.save();
            return null;
        });
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

    private void registerNodeTypes(Session session) throws RepositoryException {
        NodeTypeManager manager = session.getWorkspace().getNodeTypeManager();
        StringBuilder cnd = new StringBuilder(BASE_NODE_TYPES);
        Set<String> declared = new TreeSet<>();
        for (ContentTypeDefinition type : contentTypes.all()) {
            if (type.nodeType().startsWith("mgnl:") || !declared.add(type.nodeType())) {
                continue;
            }
            cnd.append('[').append(type.nodeType()).append("] > mgnl:content\n");
        }
        // pages keep their areas, components and sub-pages in the authored order (Magnolia's page model)
        boolean missing = !manager.hasNodeType("mgnl:component")
                || !manager.getNodeType("mgnl:area").hasOrderableChildNodes();
        for (String nodeType : declared) {
            missing |= !manager.hasNodeType(nodeType);
        }
        if (missing) {
            try {
                CndImporter.registerNodeTypes(new StringReader(cnd.toString()), session, true);
            } catch (Exception e) {
                throw new RepositoryFailure("Cannot register node types: " + e.getMessage(), e);
            }
            LOG.info("Node types registered: {}", declared);
        }
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

    /** One property index per indexed property name, declared for the node types that index it. */
    private void installIndexes(Session session) throws RepositoryException {
        Map<String, Set<String>> nodeTypesByProperty = new TreeMap<>();
        Set<String> contentNodeTypes = new TreeSet<>();
        for (ContentTypeDefinition type : contentTypes.all()) {
            contentNodeTypes.add(type.nodeType());
            for (PropertyDefinition property : type.properties()) {
                if (property.indexed()) {
                    nodeTypesByProperty.computeIfAbsent(property.name(), k -> new TreeSet<>()).add(type.nodeType());
                }
            }
        }
        Node indexRoot = session.getNode("/oak:index");
        for (Map.Entry<String, Set<String>> entry : nodeTypesByProperty.entrySet()) {
            String indexName = "oc-" + entry.getKey();
            Node index = indexRoot.hasNode(indexName) ? indexRoot.getNode(indexName)
                    : indexRoot.addNode(indexName, "oak:QueryIndexDefinition");
            boolean changed = setIfDifferent(index, "propertyNames", List.of(entry.getKey()));
            changed |= setIfDifferent(index, "declaringNodeTypes", entry.getValue());
            if (changed || !index.hasProperty("type")) {
                index.setProperty("type", "property");
                index.setProperty("reindex", true);
                LOG.info("Index {} installed for {}", indexName, entry.getValue());
            }
        }
        Node nodetype = indexRoot.getNode("nodetype");
        Set<String> declared = new TreeSet<>(strings(nodetype, "declaringNodeTypes"));
        if (declared.addAll(contentNodeTypes)) {
            setIfDifferent(nodetype, "declaringNodeTypes", declared);
            nodetype.setProperty("reindex", true);
            LOG.info("Node type index extended to {}", contentNodeTypes);
        }
    }

    private static boolean setIfDifferent(Node node, String name, Collection<String> names) throws RepositoryException {
        List<String> wanted = new ArrayList<>(new TreeSet<>(names));
        if (node.hasProperty(name) && new ArrayList<>(new TreeSet<>(strings(node, name))).equals(wanted)) {
            return false;
        }
        Value[] values = new Value[wanted.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = session(node).getValueFactory().createValue(wanted.get(i), PropertyType.NAME);
        }
        node.setProperty(name, values);
        return true;
    }

    private static Session session(Node node) throws RepositoryException {
        return node.getSession();
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (Value value : node.getProperty(name).getValues()) {
            result.add(value.getString());
        }
        return Arrays.asList(result.toArray(String[]::new));
    }
}
