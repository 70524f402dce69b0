package fr.anct.opencollectivites.security;

import javax.jcr.AccessDeniedException;

import org.apache.jackrabbit.oak.api.CommitFailedException;

/**
 * The repository's access control refused an operation of a user's session. The role check is the
 * repository's: the HTTP layer answers 403 (JSON API) or the refusal page (authoring pages).
 */
public final class AccessRefusedException extends RuntimeException {
    public AccessRefusedException(Throwable cause) {
        super("Refused by the repository's access control", cause);
    }

    /** Whether a failure is a refusal of the access control, however it surfaced (Session.checkPermission included). */
    @SuppressWarnings("removal")
    public static boolean isRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessRefusedException || t instanceof AccessDeniedException
                    || t instanceof javax.jcr.security.AccessControlException
                    || t instanceof java.security.AccessControlException) {
                return true;
            }
            if (t instanceof CommitFailedException commit && commit.isAccessViolation()) {
                return true;
            }
        }
        return false;
    }
}
