package fr.anct.opencollectivites.tagging;

/**
 * A collectivité that texts can name.
 *
 * @param key         tag key: {@code commune:31555}, {@code epci:243100518}, {@code departement:31}, {@code region:76}
 * @param departement its département code (a département's own code; the siège's for an EPCI), may be null
 * @param region      its région code, may be null
 * @param population  to tell a well-known homonym from small ones; 0 when unknown
 * @param epci        a commune's EPCI key ({@code epci:<SIREN>}), else null: "la métropole de Rennes" is the EPCI
 *                    whose largest commune is Rennes
 */
public record Territory(String key, Kind kind, String name, String departement, String region, long population,
                        String epci) {

    public enum Kind { COMMUNE, EPCI, DEPARTEMENT, REGION }

    public static Territory commune(String code, String name, String departement, String region, long population) {
        return commune(code, name, departement, region, population, null);
    }

    /** @param epciSiren the SIREN of the commune's EPCI, or null */
    public static Territory commune(String code, String name, String departement, String region, long population,
                                    String epciSiren) {
        return new Territory("commune:" + code, Kind.COMMUNE, name, departement, region, population,
                epciSiren == null ? null : "epci:" + epciSiren);
    }

    public static Territory epci(String siren, String name, String departement, long population) {
        return new Territory("epci:" + siren, Kind.EPCI, name, departement, null, population, null);
    }

    public static Territory departement(String code, String name, String region) {
        return new Territory("departement:" + code, Kind.DEPARTEMENT, name, code, region, 0, null);
    }

    public static Territory region(String code, String name) {
        return new Territory("region:" + code, Kind.REGION, name, null, code, 0, null);
    }
}
