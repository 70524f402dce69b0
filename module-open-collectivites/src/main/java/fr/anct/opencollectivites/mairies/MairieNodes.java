package fr.anct.opencollectivites.mairies;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

import org.apache.jackrabbit.util.Text;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.repository.Workspaces;

/** Where a mairie lives in the repository and how it maps to and from its node (content type {@code mairie}). */
final class MairieNodes {
    private MairieNodes() {
    }

    static String root(ContentTypeDefinition type) {
        return Workspaces.livePath(type.datasource().workspace(), type.datasource().rootPath());
    }

    /** {@code /collectivites/mairies/<bucket of its first code>/<id>}. */
    static String path(ContentTypeDefinition type, Mairie mairie) {
        return root(type) + "/" + bucket(mairie.codesInsee().get(0)) + "/" + nodeName(mairie.id());
    }

    /** The id as a node name (a UUID needs no escaping; anything else is escaped, never refused). */
    static String nodeName(String id) {
        return Text.escapeIllegalJcrChars(id);
    }

    /** The département part of a commune code: 3 characters overseas (97x, 98x), else 2. */
    static String bucket(String communeCode) {
        return communeCode.startsWith("97") || communeCode.startsWith("98")
                ? communeCode.substring(0, 3) : communeCode.substring(0, 2);
    }

    /** Every property of the content type, null for an absent one, so that an update clears it. */
    static Map<String, Object> values(AnnuaireRecord record) {
        Mairie mairie = record.mairie();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", mairie.id());
        values.put("nom", mairie.nom());
        values.put("deleguee", mairie.deleguee());
        values.put("codesInsee", mairie.codesInsee());
        values.put("codeInseeDeclare", record.codeInseeDeclare());
        values.put("adresse", mairie.adresse());
        values.put("codePostal", mairie.codePostal());
        values.put("commune", mairie.commune());
        values.put("telephone", mairie.telephone());
        values.put("email", mairie.email());
        values.put("siteInternet", mairie.siteInternet());
        values.put("latitude", record.latitude());
        values.put("longitude", record.longitude());
        values.put("horaires", mairie.horaires().isEmpty() ? null : mairie.horaires().stream().map(MairieNodes::hours).toList());
        values.put("commentaireHoraires", record.commentaireHoraires());
        values.put("source", mairie.source());
        values.put("miseAJour", mairie.miseAJour());
        return values;
    }

    private static Map<String, Object> hours(OpeningHours hours) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("jourDebut", hours.fromDay());
        values.put("jourFin", hours.toDay());
        values.put("plages", hours.ranges().isEmpty() ? null : hours.ranges().stream().map(TimeRange::format).toList());
        values.put("commentaire", hours.comment());
        return values;
    }

    static Mairie read(Node node) throws RepositoryException {
        List<OpeningHours> horaires = new ArrayList<>();
        if (node.hasNode("horaires")) {
            for (NodeIterator it = node.getNode("horaires").getNodes(); it.hasNext(); ) {
                Node hours = it.nextNode();
                List<TimeRange> ranges = new ArrayList<>();
                for (String range : strings(hours, "plages")) {
                    TimeRange.parse(range).ifPresent(ranges::add);
                }
                horaires.add(new OpeningHours(string(hours, "jourDebut"), string(hours, "jourFin"), ranges,
                        string(hours, "commentaire")));
            }
        }
        LocalDate modified = node.hasProperty("miseAJour")
                ? node.getProperty("miseAJour").getDate().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() : null;
        return new Mairie(string(node, "code"), string(node, "nom"),
                node.hasProperty("deleguee") && node.getProperty("deleguee").getBoolean(), strings(node, "codesInsee"),
                string(node, "adresse"), string(node, "codePostal"), string(node, "commune"), string(node, "telephone"),
                string(node, "email"), string(node, "siteInternet"), horaires, string(node, "source"), modified);
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Value value : node.getProperty(name).getValues()) {
            values.add(value.getString());
        }
        return values;
    }
}
