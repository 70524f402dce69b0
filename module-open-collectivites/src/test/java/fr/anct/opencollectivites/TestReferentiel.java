package fr.anct.opencollectivites;

import java.util.HashMap;
import java.util.Map;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;

/** Writes référentiel nodes where the importers would, for tests that need a few collectivités. */
public final class TestReferentiel {
    private static final ContentTypeRegistry TYPES = TestLightModule.contentTypes();
    private static final ContentWriter WRITER = new ContentWriter();

    private TestReferentiel() {
    }

    /**
     * Around Saint-Étienne: région 84, départements 42 (Loire) and 69 (Rhône), the communes 42218
     * Saint-Étienne and 42207 Saint-Chamond, the EPCI 244200770 Saint-Étienne Métropole.
     */
    public static void loire(Session session) throws RepositoryException {
        region(session, "84", "Auvergne-Rhône-Alpes", 8_100_000);
        departement(session, "42", "Loire", "84", 770_000);
        departement(session, "69", "Rhône", "84", 1_900_000);
        commune(session, "42218", "COM", "Saint-Étienne", "42", 171_000);
        commune(session, "42207", "COM", "Saint-Chamond", "42", 35_000);
        epci(session, "244200770", "Saint-Étienne Métropole", "42", 400_000);
    }

    public static void region(Session session, String code, String nom, long population) throws RepositoryException {
        upsert(session, "/collectivites/regions/" + code, "region", Map.of("code", code, "nom", nom, "population", population));
    }

    public static void departement(Session session, String code, String nom, String region, long population)
            throws RepositoryException {
        upsert(session, "/collectivites/departements/" + code, "departement",
                Map.of("code", code, "nom", nom, "region", region, "population", population));
    }

    public static void commune(Session session, String code, String typecom, String nom, String departement, long population)
            throws RepositoryException {
        commune(session, code, typecom, nom, departement, population, Map.of());
    }

    public static void commune(Session session, String code, String typecom, String nom, String departement, long population,
                        Map<String, Object> more) throws RepositoryException {
        Map<String, Object> values = new HashMap<>(more);
        values.putAll(Map.of("code", code, "typecom", typecom, "nom", nom, "departement", departement,
                "population", population));
        upsert(session, communePath(code, typecom), "commune", values);
    }

    public static String communePath(String code, String typecom) {
        String bucket = code.startsWith("97") || code.startsWith("98") ? code.substring(0, 3) : code.substring(0, 2);
        String name = switch (typecom) {
            case "COMD" -> code + "-comd";
            case "COMA" -> code + "-coma";
            default -> code;
        };
        return "/collectivites/communes/" + bucket + "/" + name;
    }

    public static void epci(Session session, String siren, String nom, String departement, long population)
            throws RepositoryException {
        upsert(session, "/collectivites/epci/" + siren, "epci", Map.of("code", siren, "siren", siren, "nom", nom,
                "natureJuridique", "METRO", "departementSiege", departement, "population", population));
    }

    public static void upsert(Session session, String path, String type, Map<String, ?> values) throws RepositoryException {
        try {
            WRITER.upsert(session, path, TYPES.require(type), values);
        } catch (ContentValidationException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
