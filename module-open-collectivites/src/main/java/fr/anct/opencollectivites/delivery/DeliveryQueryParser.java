package fr.anct.opencollectivites.delivery;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.JcrValues;
import fr.anct.opencollectivites.content.PropertyType;

/**
 * Turns the query parameters of {@code GET /.rest/delivery/<endpoint>} into a {@link DeliveryQuery}:
 * every property name checked against the endpoint's content types, every value typed after its
 * property (a Long compares as a number, a Date as a date). Refusals carry Magnolia's error codes.
 */
public final class DeliveryQueryParser {
    public static final String FULL_TEXT = "q";
    public static final String ORDER_BY = "orderBy";
    public static final String OFFSET = "offset";
    public static final String LIMIT = "limit";
    public static final String ANCESTOR = "@ancestor";
    /** Magnolia's language parameter: accepted, content is not translated (i18n: false everywhere). */
    private static final Set<String> IGNORED = Set.of("lang");
    private static final Pattern FILTER_KEY = Pattern.compile("(@?[A-Za-z][A-Za-z0-9_:]*)(?:\\[([a-z-]+)])?");
    private static final int MAX_FULL_TEXT = 200;
    private static final int MAX_ORDER_CLAUSES = 5;
    private static final int MAX_LIST_VALUES = 100;

    private final ContentTypeRegistry contentTypes;

    public DeliveryQueryParser(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    public DeliveryQuery parse(DeliveryEndpointDefinition endpoint, Map<String, List<String>> parameters) {
        QueryableProperties properties = QueryableProperties.of(endpoint, contentTypes);
        Optional<DeliveryQuery.FullText> fullText = Optional.empty();
        Optional<String> ancestor = Optional.empty();
        List<DeliveryQuery.Filter> filters = new ArrayList<>();
        List<DeliveryQuery.Order> orderBy = List.of();
        int offset = 0;
        int limit = endpoint.limit();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (key) {
                case FULL_TEXT -> fullText = Optional.of(new DeliveryQuery.FullText(
                        terms(single(key, values)), properties.textProperties()));
                case ORDER_BY -> orderBy = orderBy(single(key, values), properties);
                case OFFSET -> offset = whole(key, single(key, values));
                case LIMIT -> limit = Math.min(whole(key, single(key, values)), endpoint.maxLimit());
                case ANCESTOR -> ancestor = Optional.of(ancestor(endpoint, single(key, values)));
                default -> {
                    if (!IGNORED.contains(key)) {
                        for (String value : values) {
                            filters.add(filter(key, value, properties));
                        }
                    }
                }
            }
        }
        return new DeliveryQuery(fullText, ancestor, List.copyOf(filters), orderBy, offset, limit);
    }

    private static String single(String key, List<String> values) {
        if (values.size() != 1) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.repeatedParameter", key);
        }
        return values.get(0);
    }

    private static List<String> terms(String value) {
        String text = value.strip();
        if (text.isEmpty() || text.length() > MAX_FULL_TEXT) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.fullText", MAX_FULL_TEXT);
        }
        List<String> terms = Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("\\s+")).distinct().toList();
        if (terms.size() > DeliveryTextIndex.MAX_TERMS) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.fullTextTerms",
                    DeliveryTextIndex.MAX_TERMS);
        }
        return terms;
    }

    private static int whole(String key, String value) {
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new DeliveryException(DeliveryError.INVALID_VALUE_FORMAT, "delivery.error.wholeNumber", key, value);
    }

    /** The ancestor is the one user value written into the statement (as a path literal): strictly checked. */
    private static String ancestor(DeliveryEndpointDefinition endpoint, String value) {
        String path = value.strip();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        boolean safe = path.startsWith("/") && path.matches(DeliveryEndpointLoader.SAFE_PATH)
                && Arrays.stream(path.split("/")).noneMatch(s -> s.equals(".") || s.equals(".."));
        String root = endpoint.rootPath();
        boolean inside = root.equals("/") || path.equals(root) || path.startsWith(root + "/");
        if (!safe || !inside) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.ancestor", value, root);
        }
        return endpoint.absolutePath(path.substring(root.equals("/") ? 0 : root.length()));
    }

    private static List<DeliveryQuery.Order> orderBy(String value, QueryableProperties properties) {
        List<DeliveryQuery.Order> orders = new ArrayList<>();
        for (String clause : value.split(",")) {
            String[] words = clause.strip().split("\\s+");
            if (words.length == 0 || words.length > 2 || words[0].isEmpty() || orders.size() == MAX_ORDER_CLAUSES) {
                throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.orderBy", value);
            }
            String property = words[0];
            boolean known = property.equals(DeliveryQuery.Filter.NAME) || property.equals(DeliveryQuery.Order.PATH)
                    || properties.type(property).isPresent();
            if (!known) {
                throw unknownProperty(property, properties);
            }
            String direction = words.length == 2 ? words[1].toLowerCase(java.util.Locale.ROOT) : "asc";
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.orderBy", value);
            }
            orders.add(new DeliveryQuery.Order(property, direction.equals("asc")));
        }
        return List.copyOf(orders);
    }

    private static DeliveryQuery.Filter filter(String key, String value, QueryableProperties properties) {
        Matcher matcher = FILTER_KEY.matcher(key);
        if (!matcher.matches()) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.unknownParameter", key);
        }
        String property = matcher.group(1);
        String token = matcher.group(2);
        FilterOperator operator = token == null ? FilterOperator.EQ : FilterOperator.parse(token).orElseThrow(() ->
                new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.unknownOperator",
                        token, FilterOperator.tokens()));
        if (property.equals(DeliveryQuery.Filter.NAME)) {
            if (operator != FilterOperator.EQ && operator != FilterOperator.IN) {
                throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.nameOperator", token);
            }
            return new DeliveryQuery.Filter(property, operator, List.copyOf(list(key, operator, value)));
        }
        PropertyType type = properties.type(property).orElseThrow(() -> unknownProperty(property, properties));
        if (operator == FilterOperator.LIKE && type.isNumeric() || operator == FilterOperator.LIKE
                && (type.kind() == PropertyType.Kind.DATE || type.kind() == PropertyType.Kind.BOOLEAN)) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.likeOnText", property);
        }
        List<String> raw = switch (operator) {
            case IN, NOT_IN -> list(key, operator, value);
            case RANGE -> range(key, value);
            default -> List.of(value);
        };
        List<Object> typed = new ArrayList<>();
        for (String item : raw) {
            typed.add(typed(key, type, item));
        }
        return new DeliveryQuery.Filter(property, operator, List.copyOf(typed));
    }

    private static List<String> list(String key, FilterOperator operator, String value) {
        List<String> items = operator == FilterOperator.IN || operator == FilterOperator.NOT_IN
                ? Arrays.stream(value.split(",")).map(String::strip).toList() : List.of(value);
        if (items.isEmpty() || items.size() > MAX_LIST_VALUES || items.stream().anyMatch(String::isEmpty)) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.list", key, MAX_LIST_VALUES);
        }
        return items;
    }

    private static List<String> range(String key, String value) {
        String[] bounds = value.split("~", -1);
        if (bounds.length != 2 || bounds[0].isBlank() || bounds[1].isBlank()) {
            throw new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.range", key, value);
        }
        return List.of(bounds[0].strip(), bounds[1].strip());
    }

    /** A value as the Java type of its property: Long, Double, BigDecimal, Boolean, Calendar or String. */
    static Object typed(String key, PropertyType type, String value) {
        try {
            return switch (type.kind()) {
                case LONG -> Long.parseLong(value.strip());
                case DOUBLE -> Double.parseDouble(value.strip());
                case DECIMAL -> new BigDecimal(value.strip());
                case BOOLEAN -> bool(value.strip());
                case DATE -> JcrValues.calendar(date(value.strip()));
                default -> value;
            };
        } catch (NumberFormatException | DateTimeException e) {
            throw new DeliveryException(DeliveryError.INVALID_VALUE_FORMAT, "delivery.error.valueFormat",
                    key, value, type.toString());
        }
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new NumberFormatException(value);
        };
    }

    /** {@code 2026-01-01} (midnight UTC) or a full ISO-8601 date-time with offset. */
    private static Object date(String value) {
        return value.length() == 10 ? LocalDate.parse(value) : OffsetDateTime.parse(value);
    }

    private static DeliveryException unknownProperty(String property, QueryableProperties properties) {
        return new DeliveryException(DeliveryError.INVALID_QUERY, "delivery.error.unknownProperty",
                property, properties.names());
    }
}
