package fr.anct.opencollectivites.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A content type declared in {@code light-modules/open-collectivites/contentTypes/<name>.yaml}.
 *
 * @param subModels nested models (stored as child nodes named after the property)
 */
public record ContentTypeDefinition(String name, Datasource datasource, String nodeType,
                                    List<PropertyDefinition> properties, List<ContentTypeDefinition> subModels,
                                    Path source) {

    /**
     * Where the items live: {@code /<workspace><rootPath>}. Every workspace root is created on start
     * (repository.RepositoryLayout), which is what Magnolia's {@code autoCreate: true} asks for.
     */
    public record Datasource(String workspace, String rootPath) {
    }

    /** A plain loop, not a stream: importers call this for every value of every row. */
    public Optional<PropertyDefinition> property(String propertyName) {
        for (PropertyDefinition property : properties) {
            if (property.name().equals(propertyName)) {
                return Optional.of(property);
            }
        }
        return Optional.empty();
    }

    public Optional<ContentTypeDefinition> subModel(String subModelName) {
        return subModels.stream().filter(m -> m.name().equals(subModelName)).findFirst();
    }
}
