package fr.anct.opencollectivites.content;

import java.util.Locale;
import java.util.Optional;

/**
 * The type of a content-type property, as written in the light-module YAML:
 * {@code String}, {@code Boolean}, {@code Long}, {@code Double}, {@code Decimal}, {@code Date},
 * {@code richText}, {@code asset}, {@code url} (an absolute http or https address, see {@link WebUrls}), {@code reference:<type>}, {@code territory} (a collectivité's key such as
 * {@code commune:42218}, see {@code collectivites.TerritoryKey}), or the name of a sub-model.
 */
public record PropertyType(Kind kind, String target) {

    public enum Kind { STRING, BOOLEAN, LONG, DOUBLE, DECIMAL, DATE, RICH_TEXT, ASSET, REFERENCE, TERRITORY, URL, SUB_MODEL }

    public static final PropertyType STRING = new PropertyType(Kind.STRING, null);

    /** Parses a type name; sub-model names are resolved later, so any other word is a candidate sub-model. */
    public static PropertyType parse(String text) {
        if (text == null || text.isBlank()) {
            return STRING;
        }
        String value = text.trim();
        if (value.startsWith("reference:")) {
            return new PropertyType(Kind.REFERENCE, value.substring("reference:".length()));
        }
        return simple(value).orElseGet(() -> new PropertyType(Kind.SUB_MODEL, value));
    }

    private static Optional<PropertyType> simple(String value) {
        Kind kind = switch (value.toLowerCase(Locale.ROOT)) {
            case "string" -> Kind.STRING;
            case "boolean" -> Kind.BOOLEAN;
            case "long" -> Kind.LONG;
            case "double" -> Kind.DOUBLE;
            case "decimal" -> Kind.DECIMAL;
            case "date" -> Kind.DATE;
            case "richtext" -> Kind.RICH_TEXT;
            case "asset" -> Kind.ASSET;
            case "territory" -> Kind.TERRITORY;
            case "url" -> Kind.URL;
            default -> null;
        };
        return Optional.ofNullable(kind).map(k -> new PropertyType(k, null));
    }

    public boolean isNumeric() {
        return kind == Kind.LONG || kind == Kind.DOUBLE || kind == Kind.DECIMAL;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case REFERENCE -> "reference:" + target;
            case SUB_MODEL -> target;
            default -> kind.name();
        };
    }
}
