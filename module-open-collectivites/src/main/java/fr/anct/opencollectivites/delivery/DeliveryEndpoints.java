package fr.anct.opencollectivites.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.DefinitionException;

/**
 * Every delivery endpoint of the light module ({@code restEndpoints/delivery/*.yaml}). Loading stops
 * on the first definition that cannot be used, with its file and line.
 */
public final class DeliveryEndpoints {
    private final Map<String, DeliveryEndpointDefinition> byName;

    private DeliveryEndpoints(Map<String, DeliveryEndpointDefinition> byName) {
        this.byName = byName;
    }

    /** Loads the endpoints and the content types they are checked against from the same light module. */
    public static DeliveryEndpoints load(Path lightModuleDir) {
        return load(lightModuleDir, ContentTypeRegistry.load(lightModuleDir));
    }

    public static DeliveryEndpoints load(Path lightModuleDir, ContentTypeRegistry contentTypes) {
        Path dir = lightModuleDir.resolve("restEndpoints").resolve("delivery");
        Map<String, DeliveryEndpointDefinition> byName = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return new DeliveryEndpoints(Map.of());
        }
        DeliveryEndpointLoader loader = new DeliveryEndpointLoader(contentTypes);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                DeliveryEndpointDefinition endpoint = loader.load(file);
                byName.put(endpoint.name(), endpoint);
            }
        } catch (IOException e) {
            throw new DefinitionException(dir, 0, "cannot list delivery endpoints: " + e.getMessage());
        }
        return new DeliveryEndpoints(Map.copyOf(byName));
    }

    public Optional<DeliveryEndpointDefinition> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<DeliveryEndpointDefinition> all() {
        return byName.values();
    }
}
