package fr.anct.opencollectivites.mairies;

import java.util.List;

/**
 * What one annuaire record gives: nothing when it is not a mairie, else either problems (errors fail the
 * file; a rejection skips the record) or the mairie with the extra fields the content type keeps.
 */
record AnnuaireRecord(boolean isMairie, List<Problem> problems, Mairie mairie, String codeInseeDeclare,
                      Double latitude, Double longitude, String commentaireHoraires) {

    /** A problem of the record, with its message key in {@code mairies-messages_fr.properties}. */
    record Problem(boolean rejection, String key, Object... args) {
    }

    static final AnnuaireRecord NOT_A_MAIRIE = new AnnuaireRecord(false, List.of(), null, null, null, null, null);

    AnnuaireRecord {
        problems = List.copyOf(problems);
    }

    static AnnuaireRecord problems(List<Problem> problems) {
        return new AnnuaireRecord(true, problems, null, null, null, null, null);
    }

    boolean valid() {
        return isMairie && problems.isEmpty();
    }
}
