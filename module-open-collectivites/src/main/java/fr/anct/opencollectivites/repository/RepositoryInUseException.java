package fr.anct.opencollectivites.repository;

import java.nio.file.Path;

/** The embedded repository of this data directory is already open in another process (or opener). */
public class RepositoryInUseException extends RepositoryFailure {
    private final transient Path dataDir;

    public RepositoryInUseException(Path dataDir) {
        super("The repository under " + dataDir + " is already in use by another process", null);
        this.dataDir = dataDir;
    }

    public Path dataDir() {
        return dataDir;
    }
}
