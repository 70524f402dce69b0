package fr.anct.opencollectivites.imports;

/**
 * How a run treats its files.
 *
 * @param force   import a file even when it is of an older vintage than the référentiel (audited)
 * @param partial take every file as partial: it only adds and updates, never retires what it does not list
 */
public record ImportOptions(boolean force, boolean partial) {
    public static final ImportOptions DEFAULT = new ImportOptions(false, false);
}
