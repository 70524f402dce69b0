package fr.anct.opencollectivites.elus;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Where élus live ({@code /collectivites/elus/maires/<bucket>/<INSEE code>},
 * {@code /collectivites/elus/presidents/<SIREN>}) and how they map to and from their nodes.
 */
final class EluNodes {
    static final String MAIRE = "maire";
    static final String PRESIDENT = "president";

    private EluNodes() {
    }

    static String root(ContentTypeDefinition type) {
        return Workspaces.livePath(type.datasource().workspace(), type.datasource().rootPath());
    }

    static String maires(ContentTypeDefinition type) {
        return root(type) + "/maires";
    }

    static String presidents(ContentTypeDefinition type) {
        return root(type) + "/presidents";
    }

    static String maire(ContentTypeDefinition type, String communeCode) {
        return maires(type) + "/" + RneFiles.bucket(communeCode) + "/" + communeCode;
    }

    static String president(ContentTypeDefinition type, String siren) {
        return presidents(type) + "/" + siren;
    }

    static Map<String, Object> values(String code, String mandat, String collectivite, Elu elu) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("mandat", mandat);
        values.put("nom", elu.nom());
        values.put("prenom", elu.prenom());
        values.put("sexe", elu.sexe());
        values.put("fonction", elu.fonction());
        values.put("debutFonction", elu.debutFonction());
        values.put("collectivite", collectivite);
        values.put("source", elu.source());
        values.put("vintage", elu.vintage());
        return values;
    }

    static Elu read(Node node) throws RepositoryException {
        LocalDate debut = node.hasProperty("debutFonction")
                ? node.getProperty("debutFonction").getDate().toInstant().atOffset(ZoneOffset.UTC).toLocalDate() : null;
        return new Elu(string(node, "nom"), string(node, "prenom"), string(node, "sexe"), string(node, "fonction"),
                debut, string(node, "source"), string(node, "vintage"));
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }
}
