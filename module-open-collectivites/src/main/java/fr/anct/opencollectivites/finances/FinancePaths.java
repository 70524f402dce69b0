package fr.anct.opencollectivites.finances;

import fr.anct.opencollectivites.repository.Workspaces;

/**
 * Where each series lives: {@code /collectivites/finances/communes/<bucket>/<code>},
 * {@code /collectivites/finances/epci/<siren>}, {@code …/departements/<code>}, {@code …/regions/<code>}.
 * Communes are bucketed by département as in the référentiel (docs/architecture.md).
 */
final class FinancePaths {
    static final String CONTENT_TYPE = "finances";
    static final String ROOT = Workspaces.livePath(Workspaces.COLLECTIVITES, "/finances");

    private FinancePaths() {
    }

    static String of(FinanceLevel level, String code) {
        String folder = ROOT + "/" + level.folder();
        return level == FinanceLevel.COMMUNE ? folder + "/" + bucket(code) + "/" + code : folder + "/" + code;
    }

    /** The département part of a commune code, as the référentiel buckets communes: 97x/98x, else 2 characters. */
    static String bucket(String communeCode) {
        return communeCode.startsWith("97") || communeCode.startsWith("98")
                ? communeCode.substring(0, 3) : communeCode.substring(0, 2);
    }
}
