package fr.anct.opencollectivites.content;

import java.util.List;
import java.util.stream.Collectors;

/** A write refused because its values break the content type. */
public class ContentValidationException extends RuntimeException {
    private final transient List<Violation> violations;

    public ContentValidationException(String typeName, List<Violation> violations) {
        super(typeName + ": " + violations.stream()
                .map(v -> v.field() + " " + v.key() + v.args())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
