package fr.anct.opencollectivites.repository;

import java.sql.SQLException;

/**
 * The configured repository cannot be opened: the database does not answer or refuses the account, or
 * the data directory cannot be used. Carries where ({@link #location()}) and why, as a
 * {@link Reason} a command line can say in French, plus the underlying message.
 */
public class RepositoryUnavailableException extends RepositoryFailure {
    /** Why, as far as it can be told apart. */
    public enum Reason {
        /** nothing answers at that address, or the connection broke */
        UNREACHABLE,
        /** the user or password is refused */
        AUTHENTICATION,
        /** the database named in the URL does not exist */
        NO_DATABASE,
        /** the user may not create or write the tables, or the process the data directory */
        PERMISSION,
        /** the configured cluster id is held by a running instance */
        CLUSTER_ID_IN_USE,
        /** anything else: see the detail */
        OTHER
    }

    private final String location;
    private final Reason reason;

    public RepositoryUnavailableException(String location, Throwable cause) {
        super("Cannot open the repository " + location + ": " + rootMessage(cause), cause);
        this.location = location;
        this.reason = reasonOf(cause);
    }

    public String location() {
        return location;
    }

    public Reason reason() {
        return reason;
    }

    /** The innermost message (the driver's or the file system's words). */
    public String detail() {
        return rootMessage(getCause());
    }

    private static Reason reasonOf(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")) {
                    return Reason.UNREACHABLE;
                }
                if (state.startsWith("28")) {
                    return Reason.AUTHENTICATION;
                }
                if (state.equals("3D000")) {
                    return Reason.NO_DATABASE;
                }
                if (state.equals("42501")) {
                    return Reason.PERMISSION;
                }
            }
            if (t instanceof java.nio.file.AccessDeniedException) {
                return Reason.PERMISSION;
            }
            if (t.getMessage() != null && t.getMessage().startsWith("Configured cluster node id")
                    && t.getMessage().contains("already in use")) {
                return Reason.CLUSTER_ID_IN_USE;
            }
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException) {
                return Reason.UNREACHABLE;
            }
        }
        return Reason.OTHER;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == null ? "" : String.valueOf(root.getMessage());
    }
}
