package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.zip.ZipException;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * Says in French what went wrong while reading or writing a file, never with a Java exception's name:
 * a permission refused, a file gone, a corrupt archive, a full disk; anything else as "erreur inattendue"
 * with the detail in the log.
 */
final class ReadFailures {
    private ReadFailures() {
    }

    static String describe(Messages messages, Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e instanceof AccessDeniedException) {
                return messages.get("imports.failure.accessDenied");
            }
            if (e instanceof NoSuchFileException) {
                return messages.get("imports.failure.noSuchFile");
            }
            if (e instanceof ZipException || e instanceof java.io.EOFException) {
                return messages.get("imports.failure.corruptArchive");
            }
            String text = String.valueOf(e.getMessage());
            if (e instanceof IOException && text.contains("No space left")) {
                return messages.get("imports.failure.diskFull");
            }
            if (e instanceof IOException && text.contains("Permission denied")) {
                return messages.get("imports.failure.accessDenied");
            }
        }
        return messages.get("imports.failure.unexpected");
    }
}
