package fr.anct.opencollectivites.authoring.ui;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.query.Query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.anct.opencollectivites.assets.AssetStore;
import fr.anct.opencollectivites.web.Json;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.search.SearchService;

/**
 * The form of a content type, generated from its definition in the registry (no Java per type):
 * the inputs with their current values, and the submitted fields turned back into the JSON the
 * {@code Drafts} service takes (so conversion, validation and sanitising stay the service's).
 * Values travel as a flat map of dotted names ({@code adresse.rue}, {@code contacts.0.nom}); a multiple
 * sub-model also sends its row count as {@code contacts.lignes}, so rows can be added and removed by
 * re-rendering the form, without JavaScript.
 */
final class ContentForm {
    static final String PREFIX = "champ.";
    static final String ROWS = "lignes";
    static final int MAX_ROWS = 50;
    private static final int MAX_CHOICES = 50;
    private static final int MAX_ASSETS = 60;
    private static final Pattern ROW_KEY = Pattern.compile("\\.(\\d+)\\.");

    private final ContentTypeRegistry registry;
    private final Messages messages;
    private final AssetStore assets;
    private final TerritoryPicker territories;

    /**
     * What a form shows beyond values: the asset folder whose files the asset pickers list, and the
     * search text of each reference picker (by field name).
     */
    record Context(String assetFolder, Map<String, String> searches) {
        static final Context DEFAULT = new Context("editorial", Map.of());
    }

    ContentForm(ContentTypeRegistry registry, Messages messages) {
        this(registry, messages, null);
    }

    ContentForm(ContentTypeRegistry registry, Messages messages, AssetStore assets) {
        this(registry, messages, assets, null);
    }

    /** @param search the collectivités' index, for the pickers of territories; null: keys typed by hand */
    ContentForm(ContentTypeRegistry registry, Messages messages, AssetStore assets, SearchService search) {
        this.registry = registry;
        this.messages = messages;
        this.assets = assets;
        this.territories = new TerritoryPicker(registry, search, messages);
    }

    /** Every property has an input now (sub-models as nested fieldsets, assets as a picker); kept for callers. */
    static boolean editable(PropertyDefinition property) {
        return true;
    }

    /** The inputs, with values from the node (null: a new item) or the submitted form, and errors by field. */
    List<FormField> fields(Session session, ContentTypeDefinition type, Node node, Map<String, String> submitted,
                           Map<String, String> errors) throws RepositoryException {
        return fields(session, type, node, submitted, errors, Context.DEFAULT);
    }

    List<FormField> fields(Session session, ContentTypeDefinition type, Node node, Map<String, String> submitted,
                           Map<String, String> errors, Context context) throws RepositoryException {
        Map<String, String> values = submitted;
        if (values == null) {
            values = new HashMap<>();
            if (node != null) {
                flatten(node, type, "", values);
            }
        }
        List<Asset> folderAssets = assets == null ? List.of() : assets.list(session, context.assetFolder(), MAX_ASSETS)
                .stream().map(a -> new Asset(a.url(), a.fileName(), thumbnail(a))).toList();
        return fields(session, type, "", values, errors, context, folderAssets);
    }

    private record Asset(String url, String fileName, String thumbnail) {
    }

    private List<FormField> fields(Session session, ContentTypeDefinition type, String prefix, Map<String, String> values,
                                   Map<String, String> errors, Context context, List<Asset> folderAssets)
            throws RepositoryException {
        List<FormField> fields = new ArrayList<>();
        for (PropertyDefinition property : type.properties()) {
            String name = prefix + property.name();
            String label = label(type, property);
            String error = error(errors, name);
            PropertyType.Kind kind = property.type().kind();
            if (kind == PropertyType.Kind.SUB_MODEL) {
                ContentTypeDefinition sub = type.subModel(property.type().target()).orElseThrow();
                if (property.multiple()) {
                    List<FormField.Row> rows = new ArrayList<>();
                    for (int i = 0; i < rowCount(values, name); i++) {
                        rows.add(new FormField.Row(i, name + "." + i,
                                fields(session, sub, name + "." + i + ".", values, errors, context, folderAssets)));
                    }
                    fields.add(new FormField(name, label, "subforms", property.required(), String.valueOf(rows.size()),
                            "", List.of(), error, List.of(), List.of(), rows, ""));
                } else {
                    fields.add(new FormField(name, label, "subform", property.required(), "", "", List.of(), error,
                            List.of(), fields(session, sub, name + ".", values, errors, context, folderAssets), List.of(), ""));
                }
                continue;
            }
            String value = values.getOrDefault(name, "");
            if (!property.multiple() && kind == PropertyType.Kind.ASSET) {
                fields.add(new FormField(name, label, "asset", property.required(), value, "", List.of(), error,
                        assetChoices(folderAssets, value), List.of(), List.of(), ""));
            } else if (kind == PropertyType.Kind.TERRITORY) {
                fields.add(territories.field(session, name, label, property.required(), property.multiple(), value, error,
                        context.searches().getOrDefault(name, "").strip()));
            } else if (!property.multiple() && kind == PropertyType.Kind.REFERENCE) {
                String search = context.searches().getOrDefault(name, "").strip();
                fields.add(new FormField(name, label, "reference", property.required(), value, "", List.of(), error,
                        referenceChoices(session, property, value, search), List.of(), List.of(), search));
            } else {
                fields.add(new FormField(name, label, control(property), property.required(), value, step(property),
                        List.of(), error));
            }
        }
        return fields;
    }

    /** The submitted fields as the JSON properties of a draft write (every property is sent). */
    ObjectNode json(ContentTypeDefinition type, Map<String, String> submitted) {
        return object(type, "", submitted);
    }

    private ObjectNode object(ContentTypeDefinition type, String prefix, Map<String, String> submitted) {
        ObjectNode json = Json.object();
        for (PropertyDefinition property : type.properties()) {
            String name = prefix + property.name();
            String raw = submitted.getOrDefault(name, "");
            PropertyType.Kind kind = property.type().kind();
            if (kind == PropertyType.Kind.SUB_MODEL) {
                ContentTypeDefinition sub = type.subModel(property.type().target()).orElseThrow();
                if (property.multiple()) {
                    List<ObjectNode> rows = new ArrayList<>();
                    for (int i = 0; i < rowCount(submitted, name); i++) {
                        if (!blank(submitted, name + "." + i + ".")) {
                            rows.add(object(sub, name + "." + i + ".", submitted));
                        }
                    }
                    if (rows.isEmpty()) {
                        json.putNull(property.name());
                    } else {
                        json.putArray(property.name()).addAll(rows);
                    }
                } else if (blank(submitted, name + ".")) {
                    json.putNull(property.name());
                } else {
                    json.set(property.name(), object(sub, name + ".", submitted));
                }
            } else if (kind == PropertyType.Kind.BOOLEAN) {
                json.put(property.name(), !raw.isEmpty());
            } else if (property.multiple()) {
                ArrayNode values = json.putArray(property.name());
                raw.lines().map(String::strip).filter(s -> !s.isEmpty()).forEach(line -> values.add(value(kind, line)));
            } else if (raw.isBlank()) {
                json.putNull(property.name());
            } else if (numeric(kind)) {
                json.set(property.name(), value(kind, raw.strip()));
            } else {
                json.put(property.name(), kind == PropertyType.Kind.RICH_TEXT ? raw : raw.strip());
            }
        }
        return json;
    }

    /** The form's values with one more (empty) row in the multiple sub-model {@code name}. */
    static Map<String, String> withRowAdded(Map<String, String> values, String name) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(name + "." + ROWS, String.valueOf(Math.min(MAX_ROWS, rowCount(values, name) + 1)));
        return copy;
    }

    /** The form's values without row {@code index} of {@code name}; the rows after it move up. */
    static Map<String, String> withRowRemoved(Map<String, String> values, String name, int index) {
        int count = rowCount(values, name);
        Map<String, String> copy = new HashMap<>();
        String rows = name + ".";
        values.forEach((key, value) -> {
            Matcher row = Pattern.compile(Pattern.quote(rows) + "(\\d+)\\.(.*)").matcher(key);
            if (!row.matches()) {
                copy.put(key, value);
                return;
            }
            int i = Integer.parseInt(row.group(1));
            if (i != index) {
                copy.put(rows + (i > index ? i - 1 : i) + "." + row.group(2), value);
            }
        });
        copy.put(name + "." + ROWS, String.valueOf(Math.max(0, count - 1)));
        return copy;
    }

    /** Rows of a multiple sub-model: the count the form sent, else one more than the highest row index seen. */
    static int rowCount(Map<String, String> values, String name) {
        String declared = values.get(name + "." + ROWS);
        if (declared != null && declared.matches("\\d{1,3}")) {
            return Math.min(MAX_ROWS, Integer.parseInt(declared));
        }
        int count = 0;
        Pattern row = Pattern.compile(Pattern.quote(name + ".") + "(\\d{1,3})\\..*");
        for (String key : values.keySet()) {
            Matcher matcher = row.matcher(key);
            if (matcher.matches()) {
                count = Math.max(count, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        return Math.min(MAX_ROWS, count);
    }

    private static boolean blank(Map<String, String> values, String prefix) {
        return values.entrySet().stream().noneMatch(e -> e.getKey().startsWith(prefix)
                && !e.getKey().endsWith("." + ROWS) && !e.getValue().isBlank());
    }

    /** A number input's text as a JSON number; anything else is sent as text for the service to refuse. */
    private static boolean numeric(PropertyType.Kind kind) {
        return kind == PropertyType.Kind.LONG || kind == PropertyType.Kind.DOUBLE || kind == PropertyType.Kind.DECIMAL;
    }

    /** A typed line as JSON: a number for a numeric property (a decimal comma accepted), else the text. */
    private static JsonNode value(PropertyType.Kind kind, String text) {
        try {
            if (kind == PropertyType.Kind.LONG) {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(text));
            }
            if (numeric(kind)) {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(text.replace(',', '.')));
            }
        } catch (NumberFormatException e) {
            // left as typed: the type's validation names the field
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    /** The service names errors in lists without the row index ({@code contacts.nom}). */
    private static String error(Map<String, String> errors, String name) {
        String error = errors.get(name);
        return error != null ? error : errors.get(ROW_KEY.matcher(name).replaceAll("."));
    }

    String label(ContentTypeDefinition type, PropertyDefinition property) {
        String key = "authoring.ui.field." + type.name() + "." + property.name();
        String label = messages.get(key);
        if (!label.equals(key)) {
            return label;
        }
        return property.label() != null && !property.label().isBlank() ? property.label() : property.name();
    }

    private static String control(PropertyDefinition property) {
        if (property.multiple()) {
            return "lines";
        }
        return switch (property.type().kind()) {
            case RICH_TEXT -> "richtext";
            case LONG, DOUBLE, DECIMAL -> "number";
            case DATE -> "date";
            case BOOLEAN -> "checkbox";
            case URL -> "url";
            default -> "text";
        };
    }

    private static String step(PropertyDefinition property) {
        return property.type().kind() == PropertyType.Kind.LONG ? "1" : "any";
    }

    private static String thumbnail(AssetStore.Asset asset) {
        if (!asset.mimeType().startsWith("image/")) {
            return "";
        }
        return asset.widths().contains(320) ? asset.url() + "?w=320" : asset.url();
    }

    /** The folder's assets, the current value first when it is not among them (another folder, older). */
    private static List<FormField.Choice> assetChoices(List<Asset> folderAssets, String value) {
        List<FormField.Choice> choices = new ArrayList<>();
        boolean listed = folderAssets.stream().anyMatch(a -> a.url().equals(value));
        if (!value.isBlank() && !listed) {
            String name = value.substring(value.lastIndexOf('/') + 1);
            boolean image = value.startsWith("/.rest/assets/") && value.matches(".*\\.(png|jpg|gif|webp)");
            choices.add(new FormField.Choice(value, name, image ? value : "", true));
        }
        for (Asset asset : folderAssets) {
            choices.add(new FormField.Choice(asset.url(), asset.fileName(), asset.thumbnail(), asset.url().equals(value)));
        }
        return choices;
    }

    /**
     * Live items of the reference's target type: those whose title or code contains the search (accents and
     * case folded), else the first ones; the current value always among them. The stored value is unchanged
     * from the plain input: the item's {@code code}, else its path under the type's root.
     */
    private List<FormField.Choice> referenceChoices(Session session, PropertyDefinition property, String value,
                                                    String search) throws RepositoryException {
        ContentTypeDefinition target = property.type().target() == null ? null
                : registry.byName(property.type().target()).orElse(null);
        List<FormField.Choice> choices = new ArrayList<>();
        if (target == null) {
            return choices;
        }
        String root = "/" + target.datasource().workspace() + target.datasource().rootPath().replaceAll("/+$", "");
        Query query = session.getWorkspace().getQueryManager().createQuery("SELECT * FROM [" + target.nodeType()
                + "] AS n WHERE ISDESCENDANTNODE(n, '" + root + "')", Query.JCR_SQL2);
        String folded = fold(search);
        Map<String, String> found = new LinkedHashMap<>();
        String currentLabel = null;
        for (NodeIterator nodes = query.execute().getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            String key = node.hasProperty("code") ? node.getProperty("code").getString()
                    : node.getPath().substring(root.length() + 1);
            String title = title(node);
            String label = title == null ? key : title + " (" + key + ")";
            if (key.equals(value)) {
                currentLabel = label;
            }
            if (found.size() < MAX_CHOICES && (folded.isEmpty() || fold(label).contains(folded))) {
                found.put(key, label);
            }
            if (found.size() >= MAX_CHOICES && (value.isBlank() || currentLabel != null)) {
                break;
            }
        }
        if (!value.isBlank() && !found.containsKey(value)) {
            choices.add(new FormField.Choice(value, currentLabel == null ? value : currentLabel, "", true));
        }
        found.forEach((key, label) -> choices.add(new FormField.Choice(key, label, "", key.equals(value))));
        return choices;
    }

    private static String title(Node node) throws RepositoryException {
        for (String name : List.of("title", "nom", "name", "libelle")) {
            if (node.hasProperty(name) && !node.getProperty(name).isMultiple()) {
                return node.getProperty(name).getString();
            }
        }
        return null;
    }

    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** The node's values as the form's flat map of dotted names. */
    private static void flatten(Node node, ContentTypeDefinition type, String prefix, Map<String, String> values)
            throws RepositoryException {
        for (PropertyDefinition property : type.properties()) {
            String name = prefix + property.name();
            if (property.type().kind() != PropertyType.Kind.SUB_MODEL) {
                values.put(name, current(node, property));
                continue;
            }
            if (!node.hasNode(property.name())) {
                continue;
            }
            ContentTypeDefinition sub = type.subModel(property.type().target()).orElseThrow();
            Node child = node.getNode(property.name());
            if (property.multiple()) {
                int i = 0;
                while (child.hasNode(String.valueOf(i)) && i < MAX_ROWS) {
                    flatten(child.getNode(String.valueOf(i)), sub, name + "." + i + ".", values);
                    i++;
                }
                values.put(name + "." + ROWS, String.valueOf(i));
            } else {
                flatten(child, sub, name + ".", values);
            }
        }
    }

    private static String current(Node node, PropertyDefinition property) throws RepositoryException {
        if (!node.hasProperty(property.name())) {
            return "";
        }
        Property value = node.getProperty(property.name());
        if (value.isMultiple()) {
            List<String> lines = new ArrayList<>();
            for (Value v : value.getValues()) {
                lines.add(text(v, property));
            }
            return String.join("\n", lines);
        }
        return text(value.getValue(), property);
    }

    private static String text(Value value, PropertyDefinition property) throws RepositoryException {
        if (property.type().kind() == PropertyType.Kind.DATE) {
            SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
            format.setTimeZone(TimeZone.getTimeZone("Europe/Paris"));
            return format.format(value.getDate().getTime());
        }
        return value.getString();
    }
}
