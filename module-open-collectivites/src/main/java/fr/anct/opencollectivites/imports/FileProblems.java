package fr.anct.opencollectivites.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import fr.anct.opencollectivites.i18n.Messages;

/**
 * What is wrong with one input file. An <em>error</em> makes the whole file fail (nothing is written);
 * a <em>rejection</em> skips one row that is well-formed but cannot be applied (e.g. an unknown
 * commune). Reading stops after {@value #MAX_ERRORS} errors: a huge garbage file fails fast.
 */
public final class FileProblems {
    public static final int MAX_ERRORS = 100;

    private final Messages messages;
    private String location;
    private final List<Rejection> errors = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Set<Long> rejectedLines = new HashSet<>();

    public FileProblems(Messages messages, String location) {
        this.messages = messages;
        this.location = location;
    }

    /** Names the file (and sheet) in every later message, e.g. {@code epcicom.xlsx [Epcicom2025]}. */
    void locate(String newLocation) {
        this.location = newLocation;
    }

    public String location() {
        return location;
    }

    public void error(long line, String key, Object... args) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new Rejection(location, line, messages.get(key, args)));
        }
    }

    public void reject(long line, String key, Object... args) {
        rejections.add(new Rejection(location, line, messages.get(key, args)));
        rejectedLines.add(line);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Too many errors to go on reading. */
    public boolean isFull() {
        return errors.size() >= MAX_ERRORS;
    }

    public boolean isRejected(long line) {
        return rejectedLines.contains(line);
    }

    public List<Rejection> errors() {
        return List.copyOf(errors);
    }

    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    String message(String key, Object... args) {
        return messages.get(key, args);
    }
}
