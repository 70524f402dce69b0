package fr.anct.opencollectivites.content;

import java.nio.file.Path;

/** A light-module definition that cannot be used; its message names the file and line. */
public class DefinitionException extends RuntimeException {
    private final Path file;
    private final int line;

    public DefinitionException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
