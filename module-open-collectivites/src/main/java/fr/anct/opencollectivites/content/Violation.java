package fr.anct.opencollectivites.content;

import java.util.List;

/**
 * A value that breaks its content type. {@code key} names the message in the i18n bundle
 * ({@code validation.*}); {@code args} fill it.
 */
public record Violation(String field, String key, List<Object> args) {
    public Violation(String field, String key, Object... args) {
        this(field, key, List.of(args));
    }
}
