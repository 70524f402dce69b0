package fr.anct.opencollectivites.imports;

/** A row (or a whole file, line 0: {@code file : reason}) that could not be imported, with the reason in French. */
public record Rejection(String file, long line, String reason) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + reason : file + " : " + reason;
    }
}
