package fr.anct.opencollectivites.tagging;

/**
 * A collectivité that texts can name.
 *
 * @param key         tag key: {@code commune:31555}, {@code epci:243100518}, {@code departement:31}, {@code region:76}
 * @param departement its département code (a département's own code; the siège's for an EPCI), may be null
 * @param region      its région code, may be null
 * @param population  to tell a well-known homonym from small ones; 0 when unknown
 */
public record Territory(String key, Kind kind, String name, String departement, String region, long population) {

    public enum Kind { COMMUNE, EPCI, DEPARTEMENT, REGION }

    public static Territory commune(String code, String name, String departement, String region, long population) {
        return new Territory("commune:" + code, Kind.COMMUNE, name, departement, region, population);
    }

    public static Territory epci(String siren, String name, String departement, long population) {
        return new Territory("epci:" + siren, Kind.EPCI, name, departement, null, population);
    }

    public static Territory departement(String code, String name, String region) {
        return new Territory("departement:" + code, Kind.DEPARTEMENT, name, code, region, 0);
    }

    public static Territory region(String code, String name) {
        return new Territory("region:" + code, Kind.REGION, name, null, code, 0);
    }
}
