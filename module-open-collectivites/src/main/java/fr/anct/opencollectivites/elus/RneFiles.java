package fr.anct.opencollectivites.elus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the RNE files share: dates, codes, the file's vintage, folded labels. */
final class RneFiles {
    static final String SOURCE = "Répertoire national des élus (ministère de l'Intérieur)";
    static final Pattern COMMUNE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    static final Pattern DEPARTEMENT = Pattern.compile("\\d{2}|2[AB]|97\\d");
    static final Pattern SIREN = Pattern.compile("\\d{9}");
    private static final Pattern NAME_DATE = Pattern.compile("(?<!\\d)(20\\d{2})-?(\\d{2})-?(\\d{2})(?!\\d)");
    private static final DateTimeFormatter FRENCH = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private RneFiles() {
    }

    /** "09/07/2020" (the RNE's own format) or "2020-07-09"; empty when blank; null when not a date. */
    static Optional<LocalDate> date(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(text.contains("/") ? LocalDate.parse(text, FRENCH) : LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * The INSEE code of a commune: the RNE gives the full code, but older files gave the number within the
     * département without its leading zeros ("95" in the Essonne: 91095).
     */
    static String communeCode(String departement, String commune) {
        String code = commune.trim().toUpperCase(Locale.ROOT);
        if (code.matches("\\d{1,3}") && DEPARTEMENT.matcher(departement).matches()) {
            String number = "0".repeat(3 - code.length()) + code;
            return (departement.startsWith("97") ? "97" : departement) + number;
        }
        return code;
    }

    /** The département part of a commune code: 3 characters overseas (97x, 98x), else 2. */
    static String bucket(String communeCode) {
        return communeCode.startsWith("97") || communeCode.startsWith("98")
                ? communeCode.substring(0, 3) : communeCode.substring(0, 2);
    }

    /** The date in the file's name (elus-maires-2026-09-16.csv), else the day the file was last modified. */
    static String vintage(Path file) {
        Matcher matcher = NAME_DATE.matcher(file.getFileName().toString());
        if (matcher.find()) {
            try {
                return LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                        Integer.parseInt(matcher.group(3))).toString();
            } catch (java.time.DateTimeException e) {
                // not a date after all: fall back to the modification date
            }
        }
        try {
            return Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** Lower case without accents, for comparing the RNE's labels ("Président", "PRESIDENT"). */
    static String fold(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
