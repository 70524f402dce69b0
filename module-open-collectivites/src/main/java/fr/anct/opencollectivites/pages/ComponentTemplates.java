package fr.anct.opencollectivites.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.DefinitionException;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.content.YamlDocument;
import fr.anct.opencollectivites.repository.Workspaces;

/**
 * The mini-site component templates, {@code templates/components/minisite-*.yaml}: Magnolia template
 * definitions plus our {@code properties} list (the content-type property format) that declares the
 * component's fields, so that a component is validated like any content. A component node is an
 * {@code mgnl:component} with {@code mgnl:template = open-collectivites:components/<name>}.
 */
public final class ComponentTemplates {
    public static final String PREFIX = "minisite-";
    public static final String TEMPLATE_PREFIX = "open-collectivites:components/";
    private static final Set<String> PROPERTY_KEYS = Set.of("name", "type", "required", "multiple", "i18n", "label");

    private final Map<String, ContentTypeDefinition> byName;

    private ComponentTemplates(Map<String, ContentTypeDefinition> byName) {
        this.byName = byName;
    }

    public static ComponentTemplates load(Path lightModuleDir) {
        Path dir = lightModuleDir.resolve("templates/components");
        Map<String, ContentTypeDefinition> byName = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new ComponentTemplates(byName);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(PREFIX)
                    && f.toString().endsWith(".yaml")).sorted().toList()) {
                ContentTypeDefinition type = loadTemplate(file);
                byName.put(type.name(), type);
            }
        } catch (IOException e) {
            throw new DefinitionException(dir, 0, "cannot list component templates: " + e.getMessage());
        }
        return new ComponentTemplates(Map.copyOf(byName));
    }

    private static ContentTypeDefinition loadTemplate(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".yaml".length());
        YamlDocument.Mapping yaml = YamlDocument.read(file);
        List<PropertyDefinition> properties = new ArrayList<>();
        for (YamlDocument.Mapping property : yaml.mappings("properties")) {
            for (String key : property.keys()) {
                if (!PROPERTY_KEYS.contains(key)) {
                    throw property.error(key, "unknown key '" + key + "' in a component property (known: " + PROPERTY_KEYS + ")");
                }
            }
            PropertyType type = PropertyType.parse(property.string("type").orElse("String"));
            if (type.kind() == PropertyType.Kind.SUB_MODEL) {
                throw property.error("type", "unknown type '" + type + "' for a component property");
            }
            properties.add(new PropertyDefinition(property.requiredString("name"), type,
                    property.bool("required", false), property.bool("multiple", false),
                    false, property.string("label").orElse(null), property.line()));
        }
        return new ContentTypeDefinition("component:" + name,
                new ContentTypeDefinition.Datasource(Workspaces.WEBSITE, "/"), "mgnl:component",
                List.copyOf(properties), List.of(), file);
    }

    /** By type name {@code component:<template>}. */
    public Optional<ContentTypeDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** By the {@code mgnl:template} value of a component node. */
    public Optional<ContentTypeDefinition> byTemplate(String template) {
        if (template == null || !template.startsWith(TEMPLATE_PREFIX)) {
            return Optional.empty();
        }
        return byName("component:" + template.substring(TEMPLATE_PREFIX.length()));
    }

    public List<String> names() {
        return byName.keySet().stream().sorted().toList();
    }
}
