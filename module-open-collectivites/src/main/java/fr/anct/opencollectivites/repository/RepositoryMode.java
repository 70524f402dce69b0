package fr.anct.opencollectivites.repository;

/** Where the repository lives: a segment store in the data directory, or documents in PostgreSQL. */
public enum RepositoryMode {
    /** One process, segment-tar store under the data directory (the default). */
    EMBEDDED,
    /** Several instances sharing a DocumentNodeStore on PostgreSQL, one cluster id each. */
    POSTGRESQL
}
