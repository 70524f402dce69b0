package fr.anct.opencollectivites.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.nodetype.NodeTypeManager;

import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.repository.BootstrapStep;
import fr.anct.opencollectivites.repository.RepositoryFailure;

/**
 * The content types' bootstrap step: one node type per content type (a {@code mgnl:content}), one Oak
 * property index per property declared {@code indexed: true} (for the node types that index it), and
 * every content node type in Oak's {@code nodetype} index, so that queries never traverse.
 */
public final class ContentTypeInstall implements BootstrapStep {
    private static final Logger LOG = LoggerFactory.getLogger(ContentTypeInstall.class);
    private final ContentTypeRegistry contentTypes;

    public ContentTypeInstall(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    @Override
    public void install(Session session) throws RepositoryException {
        registerNodeTypes(session);
        installIndexes(session);
    }

    private void registerNodeTypes(Session session) throws RepositoryException {
        NodeTypeManager manager = session.getWorkspace().getNodeTypeManager();
        StringBuilder cnd = new StringBuilder("<mgnl = 'http://www.magnolia.info/jcr/mgnl'>\n"
                + "<oc = 'https://opencollectivites.anct.gouv.fr/jcr/oc/1.0'>\n");
        Set<String> declared = new TreeSet<>();
        for (ContentTypeDefinition type : contentTypes.all()) {
            if (type.nodeType().startsWith("mgnl:") || !declared.add(type.nodeType())) {
                continue;
            }
            cnd.append('[').append(type.nodeType()).append("] > mgnl:content\n");
        }
        boolean missing = false;
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
            values[i] = node.getSession().getValueFactory().createValue(wanted.get(i), PropertyType.NAME);
        }
        node.setProperty(name, values);
        return true;
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        List<String> result = new ArrayList<>();
        if (node.hasProperty(name)) {
            for (Value value : node.getProperty(name).getValues()) {
                result.add(value.getString());
            }
        }
        return result;
    }
}
