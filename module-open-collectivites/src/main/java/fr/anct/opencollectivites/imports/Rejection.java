package fr.anct.opencollectivites.imports;

/** A row (or a whole file, line 0) that could not be imported, with the reason in French. */
public record Rejection(String file, long line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
