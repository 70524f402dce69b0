package fr.anct.opencollectivites.fiches;

/** The answer to "the fiche of this key": found, moved to today's key (a former commune code), or unknown. */
public sealed interface FicheLookup {

    record Found(Fiche fiche) implements FicheLookup {
    }

    /** A former commune code: the fiche is today's commune's, under {@code key}. */
    record Moved(FicheType type, String key) implements FicheLookup {
    }

    record NotFound() implements FicheLookup {
    }
}
