package fr.anct.opencollectivites.repository;

/** A repository error that callers cannot recover from locally (unchecked wrapper of RepositoryException). */
public class RepositoryFailure extends RuntimeException {
    public RepositoryFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
