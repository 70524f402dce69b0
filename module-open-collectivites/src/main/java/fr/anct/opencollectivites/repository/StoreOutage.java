package fr.anct.opencollectivites.repository;

import java.sql.SQLException;

import org.apache.jackrabbit.oak.plugins.document.DocumentStoreException;

/**
 * Tells a failure of the store itself (the cluster's database away, this instance's lease lost) from a
 * fault of the request or of the code: the first is answered 503 with {@code Retry-After} — the same
 * request will succeed once the database is back — the second 500.
 */
public final class StoreOutage {
    /** What a 503 asks the client (or the CDN, or nginx) to wait before asking again. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private StoreOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DocumentStoreException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
