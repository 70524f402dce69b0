package fr.anct.opencollectivites.site;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.publications.PublicationPaths;

/**
 * The names of the publications' taxonomy (thèmes, document types, publishers) as the catalogue's
 * filters and pages show them, read from the live taxonomy in the order it was seeded.
 *
 * @param themes        code → name
 * @param documentTypes code → name
 * @param publishers    code → name (acronym when it has one, as readers know them: INSEE, DREES…)
 */
public record PublicationLabels(Map<String, String> themes, Map<String, String> documentTypes, Map<String, String> publishers) {

    public record Option(String code, String name) {
    }

    static PublicationLabels read(Session session) throws RepositoryException {
        return new PublicationLabels(names(session, PublicationPaths.THEMES, false),
                names(session, PublicationPaths.DOCUMENT_TYPES, false),
                names(session, PublicationPaths.ORGANISATIONS, true));
    }

    String theme(String code) {
        return themes.getOrDefault(code, code);
    }

    String documentType(String code) {
        return code == null ? null : documentTypes.getOrDefault(code, code);
    }

    String publisher(String code) {
        return code == null ? null : publishers.getOrDefault(code, code);
    }

    static List<Option> options(Map<String, String> labels) {
        List<Option> options = new ArrayList<>();
        labels.forEach((code, name) -> options.add(new Option(code, name)));
        return options;
    }

    private static Map<String, String> names(Session session, String root, boolean preferAcronym)
            throws RepositoryException {
        String path = PublicationPaths.live(root);
        List<Node> nodes = new ArrayList<>();
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                nodes.add(it.nextNode());
            }
        }
        nodes.sort(java.util.Comparator.comparingLong(PublicationLabels::position));
        Map<String, String> names = new LinkedHashMap<>();
        for (Node node : nodes) {
            String name = preferAcronym && node.hasProperty("acronym") ? node.getProperty("acronym").getString()
                    : node.hasProperty("name") ? node.getProperty("name").getString() : node.getName();
            names.put(node.getName(), name);
        }
        return names;
    }

    private static long position(Node node) {
        try {
            return node.hasProperty("position") ? node.getProperty("position").getLong() : Long.MAX_VALUE;
        } catch (RepositoryException e) {
            return Long.MAX_VALUE;
        }
    }
}
