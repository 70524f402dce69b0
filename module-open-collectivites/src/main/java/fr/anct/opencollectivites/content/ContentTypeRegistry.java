package fr.anct.opencollectivites.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every content type of the light module, loaded from {@code contentTypes/*.yaml}. Loading fails on
 * the first definition that does not parse or names an unknown type, with its file and line.
 */
public final class ContentTypeRegistry {
    private final Map<String, ContentTypeDefinition> byName;

    private ContentTypeRegistry(Map<String, ContentTypeDefinition> byName) {
        this.byName = byName;
    }

    public static ContentTypeRegistry load(Path lightModuleDir) {
        Path dir = lightModuleDir.resolve("contentTypes");
        if (!Files.isDirectory(dir)) {
            throw new DefinitionException(dir, 0, "the content types folder is missing");
        }
        Map<String, ContentTypeDefinition> byName = new LinkedHashMap<>();
        ContentTypeLoader loader = new ContentTypeLoader();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                ContentTypeDefinition type = loader.load(file);
                byName.put(type.name(), type);
            }
        } catch (IOException e) {
            throw new DefinitionException(dir, 0, "cannot list content types: " + e.getMessage());
        }
        ContentTypeRegistry registry = new ContentTypeRegistry(Map.copyOf(byName));
        byName.values().forEach(registry::checkTypes);
        return registry;
    }

    private void checkTypes(ContentTypeDefinition type) {
        for (PropertyDefinition property : type.properties()) {
            PropertyType propertyType = property.type();
            switch (propertyType.kind()) {
                case REFERENCE -> {
                    if (!byName.containsKey(propertyType.target())) {
                        throw new DefinitionException(type.source(), property.line(), "property '" + property.name()
                                + "' references the unknown content type '" + propertyType.target() + "'");
                    }
                }
                case SUB_MODEL -> {
                    if (type.subModel(propertyType.target()).isEmpty()) {
                        throw new DefinitionException(type.source(), property.line(), "property '" + property.name()
                                + "' has the unknown type '" + propertyType.target()
                                + "' (a type is String, Boolean, Long, Double, Decimal, Date, richText, asset, territory, url, "
                                + "reference:<content type> or the name of a sub-model)");
                    }
                }
                default -> { }
            }
        }
        type.subModels().forEach(this::checkTypes);
    }

    public Optional<ContentTypeDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public ContentTypeDefinition require(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("Unknown content type: " + name));
    }

    public Optional<ContentTypeDefinition> byNodeType(String nodeType) {
        return byName.values().stream().filter(t -> t.nodeType().equals(nodeType)).findFirst();
    }

    public Collection<ContentTypeDefinition> all() {
        return byName.values();
    }
}
