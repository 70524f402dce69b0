package fr.anct.opencollectivites.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.DefinitionException;
import fr.anct.opencollectivites.content.PropertyDefinition;
import fr.anct.opencollectivites.content.PropertyType;
import fr.anct.opencollectivites.content.YamlDocument;

/** Reads one {@code restEndpoints/delivery/<name>.yaml} file and checks it against the content types. */
final class DeliveryEndpointLoader {
    static final int DEFAULT_LIMIT = 10;
    static final int DEFAULT_MAX_LIMIT = 100;
    private static final Set<String> KEYS = Set.of("class", "workspace", "rootPath", "nodeTypes", "childNodeTypes",
            "includeSystemProperties", "depth", "limit", "maxLimit", "references", "bypassWorkspaceAcls");
    private static final Set<String> REFERENCE_KEYS = Set.of("name", "propertyName", "referenceResolver");
    private static final Set<String> RESOLVER_KEYS = Set.of("class", "targetWorkspace");
    /** Segments of letters, digits, '_', '-' and '.': safe to write into a JCR-SQL2 path literal. */
    static final String SAFE_PATH = "(/[A-Za-z0-9_.-]+)*/?";

    private final ContentTypeRegistry contentTypes;

    DeliveryEndpointLoader(ContentTypeRegistry contentTypes) {
        this.contentTypes = contentTypes;
    }

    DeliveryEndpointDefinition load(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        YamlDocument.Mapping yaml = YamlDocument.read(file);
        for (String key : yaml.keys()) {
            if (!KEYS.contains(key)) {
                throw yaml.error(key, "unknown key '" + key + "' in a delivery endpoint (known: " + KEYS + ")");
            }
        }
        if (yaml.bool("bypassWorkspaceAcls", false)) {
            throw yaml.error("bypassWorkspaceAcls", "'bypassWorkspaceAcls' is not supported: the delivery API "
                    + "always reads with the request's session, so that drafts never leak");
        }
        String workspace = yaml.requiredString("workspace");
        String rootPath = yaml.string("rootPath").orElse("/");
        if (!rootPath.startsWith("/") || !rootPath.matches(SAFE_PATH) || rootPath.contains("..")) {
            throw yaml.error("rootPath", "'rootPath' must be a path such as /communes, not '" + rootPath + "'");
        }
        if (rootPath.length() > 1 && rootPath.endsWith("/")) {
            rootPath = rootPath.substring(0, rootPath.length() - 1);
        }
        List<String> nodeTypes = yaml.strings("nodeTypes");
        if (nodeTypes.isEmpty()) {
            throw new DefinitionException(file, yaml.line(), "'nodeTypes' is required (e.g. [oc:commune])");
        }
        for (String nodeType : nodeTypes) {
            if (!nodeType.matches("[a-z]+:[A-Za-z][A-Za-z0-9]*")) {
                throw yaml.error("nodeTypes", "node type '" + nodeType + "' must look like 'oc:commune'");
            }
        }
        List<String> childNodeTypes = yaml.strings("childNodeTypes");
        int depth = nonNegative(yaml, "depth", 0);
        int maxLimit = nonNegative(yaml, "maxLimit", DEFAULT_MAX_LIMIT);
        int limit = nonNegative(yaml, "limit", Math.min(DEFAULT_LIMIT, maxLimit));
        if (maxLimit < 1 || limit < 1 || limit > maxLimit) {
            throw yaml.error("limit", "'limit' (" + limit + ") must be between 1 and 'maxLimit' (" + maxLimit + ")");
        }
        List<DeliveryEndpointDefinition.Reference> references = new ArrayList<>();
        for (YamlDocument.Mapping referenceYaml : yaml.mappings("references")) {
            references.add(reference(referenceYaml, workspace, nodeTypes));
        }
        return new DeliveryEndpointDefinition(name, workspace, rootPath, List.copyOf(nodeTypes),
                List.copyOf(childNodeTypes), yaml.bool("includeSystemProperties", true), depth, limit, maxLimit,
                List.copyOf(references), file);
    }

    private static int nonNegative(YamlDocument.Mapping yaml, String key, int defaultValue) {
        int value = yaml.integer(key).orElse(defaultValue);
        if (value < 0) {
            throw yaml.error(key, "'" + key + "' must not be negative");
        }
        return value;
    }

    private DeliveryEndpointDefinition.Reference reference(YamlDocument.Mapping yaml, String workspace,
                                                           List<String> nodeTypes) {
        for (String key : yaml.keys()) {
            if (!REFERENCE_KEYS.contains(key)) {
                throw yaml.error(key, "unknown key '" + key + "' in a reference (known: " + REFERENCE_KEYS + ")");
            }
        }
        String propertyName = yaml.requiredString("propertyName");
        String name = yaml.string("name").orElse(propertyName);
        Optional<YamlDocument.Mapping> resolver = yaml.mapping("referenceResolver");
        String targetWorkspace = workspace;
        if (resolver.isPresent()) {
            for (String key : resolver.get().keys()) {
                if (!RESOLVER_KEYS.contains(key)) {
                    throw resolver.get().error(key, "unknown key '" + key + "' in a referenceResolver (known: "
                            + RESOLVER_KEYS + ")");
                }
            }
            targetWorkspace = resolver.get().string("targetWorkspace").orElse(workspace);
        }
        PropertyDefinition property = nodeTypes.stream()
                .flatMap(nodeType -> contentTypes.byNodeType(nodeType).stream())
                .flatMap(type -> type.property(propertyName).stream())
                .findFirst()
                .orElseThrow(() -> yaml.error("propertyName", "reference property '" + propertyName
                        + "' is not a property of the content types of " + nodeTypes));
        if (property.type().kind() != PropertyType.Kind.REFERENCE) {
            throw yaml.error("propertyName", "property '" + propertyName + "' is of type " + property.type()
                    + ", not a reference:<content type>");
        }
        ContentTypeDefinition target = contentTypes.require(property.type().target());
        if (!target.datasource().workspace().equals(targetWorkspace)) {
            throw yaml.error("referenceResolver", "'targetWorkspace' is '" + targetWorkspace + "' but the "
                    + "content type '" + target.name() + "' lives in '" + target.datasource().workspace() + "'");
        }
        return new DeliveryEndpointDefinition.Reference(name, propertyName, targetWorkspace);
    }
}
