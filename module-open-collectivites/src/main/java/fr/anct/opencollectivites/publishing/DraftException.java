package fr.anct.opencollectivites.publishing;

import java.util.List;

import fr.anct.opencollectivites.content.Violation;

/** A draft operation refused for a reason the author can fix; {@code key} names the French message. */
public class DraftException extends RuntimeException {
    public enum Reason { NOT_FOUND, CONFLICT, INVALID, STATE }

    private final Reason reason;
    private final String key;
    private final transient Object[] args;
    private final transient List<Violation> violations;

    public DraftException(Reason reason, String key, Object... args) {
        this(reason, key, List.of(), args);
    }

    public DraftException(Reason reason, String key, List<Violation> violations, Object... args) {
        super(reason + " " + key);
        this.reason = reason;
        this.key = key;
        this.args = args;
        this.violations = violations;
    }

    public Reason reason() {
        return reason;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }

    public List<Violation> violations() {
        return violations;
    }
}
