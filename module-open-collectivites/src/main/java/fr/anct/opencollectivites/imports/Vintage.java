package fr.anct.opencollectivites.imports;

/**
 * The vintage (millésime) of an input file: the year of the official edition it belongs to (COG 2026,
 * epcicom 2025, populations légales 2023), and where that year was read.
 *
 * @param year   the edition's year
 * @param source where it comes from: the file's content (dates, column names), its name (a last
 *               resort), or the content as a lower bound only (the file is at least that recent and
 *               nothing says it is older: never refused)
 */
public record Vintage(long year, Source source) {

    public enum Source { CONTENT, NAME, AT_LEAST }

    public static Vintage content(long year) {
        return new Vintage(year, Source.CONTENT);
    }

    public static Vintage name(long year) {
        return new Vintage(year, Source.NAME);
    }

    public static Vintage atLeast(long year) {
        return new Vintage(year, Source.AT_LEAST);
    }

    /** Whether a file of this vintage would roll back a référentiel at {@code stored}. */
    public boolean olderThan(long stored) {
        return source != Source.AT_LEAST && year < stored;
    }
}
