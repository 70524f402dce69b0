package fr.anct.opencollectivites.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import fr.anct.opencollectivites.repository.OakRepository;

/**
 * Every content node in document order with its sorted properties and values: equal lists, equal content.
 * The identifiers of the workspace roots, which each bootstrap creates anew, are left out.
 */
public final class RepositoryTrees {
    private static final Set<String> OAK_TREES = Set.of("jcr:system", "oak:index", "rep:security", "home");

    private RepositoryTrees() {
    }

    public static List<String> describe(OakRepository repository) {
        return repository.withSystemSession(session -> {
            List<String> lines = new ArrayList<>();
            for (NodeIterator children = session.getRootNode().getNodes(); children.hasNext(); ) {
                Node child = children.nextNode();
                if (!OAK_TREES.contains(child.getName())) {
                    describe(child, lines);
                }
            }
            return lines;
        });
    }

    private static void describe(Node node, List<String> lines) throws RepositoryException {
        TreeMap<String, String> properties = new TreeMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (property.getName().equals("jcr:uuid") && RepositoryBackup.isBootstrapContainer(node.getPath())) {
                continue; // installed anew by the bootstrap, not restored
            }
            List<String> values = new ArrayList<>();
            for (Value value : property.isMultiple() ? property.getValues() : new Value[] {property.getValue()}) {
                values.add(text(value));
            }
            properties.put(property.getName(), PropertyType.nameFromValue(property.getType())
                    + (property.isMultiple() ? values.toString() : values.get(0)));
        }
        lines.add(node.getPath() + " " + properties);
        for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
            describe(children.nextNode(), lines);
        }
    }

    private static String text(Value value) throws RepositoryException {
        if (value.getType() != PropertyType.BINARY) {
            return value.getString();
        }
        try (InputStream in = value.getBinary().getStream()) {
            return HexFormat.of().formatHex(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
