package fr.anct.opencollectivites.collectivites;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The official code formats of the COG and SIRENE, and the bucket of a commune code. */
final class Codes {
    static final Pattern REGION = Pattern.compile("\\d{2}");
    /** 01…95, 2A, 2B, 971…976 */
    static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|97\\d");
    /** 011, 2A1, 9712 */
    static final Pattern ARRONDISSEMENT = Pattern.compile("(\\d{2}|2[AB])\\d|97\\d{2}");
    /** 01001, 2A004, 97101 */
    static final Pattern COMMUNE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");

    private Codes() {
    }

    static boolean valid(Pattern pattern, String code) {
        return code != null && pattern.matcher(code).matches();
    }

    /** The département part of a commune code: 3 characters overseas (97x, 98x), else 2. */
    static String bucket(String communeCode) {
        return communeCode.startsWith("97") || communeCode.startsWith("98")
                ? communeCode.substring(0, 3) : communeCode.substring(0, 2);
    }

    /** A year in a file or column name (v_commune_2026.csv, ptot_2025), if any. */
    static Optional<Long> year(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = YEAR.matcher(name);
        Long found = null;
        while (matcher.find()) {
            found = Long.parseLong(matcher.group(1));
        }
        return Optional.ofNullable(found);
    }
}
