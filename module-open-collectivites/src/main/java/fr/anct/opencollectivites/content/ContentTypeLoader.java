package fr.anct.opencollectivites.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads one {@code contentTypes/<name>.yaml} file in Magnolia's format. */
final class ContentTypeLoader {
    private static final Set<String> PROPERTY_KEYS =
            Set.of("name", "type", "required", "multiple", "indexed", "label", "description");

    ContentTypeDefinition load(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        YamlDocument.Mapping root = YamlDocument.read(file);
        YamlDocument.Mapping datasourceYaml = root.mapping("datasource")
                .orElseThrow(() -> new DefinitionException(file, root.line(), "'datasource' is required"));
        YamlDocument.Mapping modelYaml = root.mapping("model")
                .orElseThrow(() -> new DefinitionException(file, root.line(), "'model' is required"));

        String rootPath = datasourceYaml.string("rootPath").orElse("/");
        if (!rootPath.startsWith("/")) {
            throw datasourceYaml.error("rootPath", "'rootPath' must start with '/', not '" + rootPath + "'");
        }
        // Every workspace root is created on start: Magnolia's autoCreate is always true here.
        if (!datasourceYaml.bool("autoCreate", true)) {
            throw datasourceYaml.error("autoCreate", "'autoCreate: false' is not supported: every workspace is created"
                    + " on start (remove the key or set it to true)");
        }
        ContentTypeDefinition.Datasource datasource = new ContentTypeDefinition.Datasource(
                datasourceYaml.requiredString("workspace"), rootPath);
        return model(name, datasource, modelYaml, file);
    }

    private ContentTypeDefinition model(String name, ContentTypeDefinition.Datasource datasource,
                                        YamlDocument.Mapping modelYaml, Path file) {
        String nodeType = modelYaml.string("nodeType").orElse("mgnl:contentNode");
        if (!nodeType.matches("[a-z]+:[A-Za-z][A-Za-z0-9]*")) {
            throw modelYaml.error("nodeType", "'nodeType' must look like 'oc:commune', not '" + nodeType + "'");
        }
        List<PropertyDefinition> properties = new ArrayList<>();
        for (YamlDocument.Mapping propertyYaml : modelYaml.mappings("properties")) {
            PropertyDefinition property = property(propertyYaml);
            if (properties.stream().anyMatch(p -> p.name().equals(property.name()))) {
                throw propertyYaml.error("name", "property '" + property.name() + "' is declared twice");
            }
            properties.add(property);
        }
        List<ContentTypeDefinition> subModels = new ArrayList<>();
        for (YamlDocument.Mapping subModelYaml : modelYaml.mappings("subModels")) {
            subModels.add(model(subModelYaml.requiredString("name"), datasource, subModelYaml, file));
        }
        return new ContentTypeDefinition(name, datasource, nodeType, List.copyOf(properties), List.copyOf(subModels), file);
    }

    private PropertyDefinition property(YamlDocument.Mapping yaml) {
        for (String key : yaml.keys()) {
            if (key.equals("i18n")) {
                throw yaml.error(key, "'i18n' is not supported: the platform publishes in French only"
                        + " (texts of the pages come from the i18n bundles)");
            }
            if (!PROPERTY_KEYS.contains(key)) {
                throw yaml.error(key, "unknown key '" + key + "' in a property (known: " + PROPERTY_KEYS + ")");
            }
        }
        String name = yaml.requiredString("name");
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw yaml.error("name", "property name '" + name + "' must be letters, digits and '_'");
        }
        return new PropertyDefinition(name,
                PropertyType.parse(yaml.string("type").orElse("String")),
                yaml.bool("required", false),
                yaml.bool("multiple", false),
                yaml.bool("indexed", false),
                yaml.string("label").orElse(null),
                yaml.line());
    }
}
