package fr.anct.opencollectivites.delivery;

import java.nio.file.Path;
import java.util.List;

import fr.anct.opencollectivites.repository.Workspaces;

/**
 * A delivery endpoint declared in {@code restEndpoints/delivery/<name>.yaml}, in the format of
 * Magnolia's v2 JCR delivery endpoints, served at {@code /.rest/delivery/<name>}.
 *
 * @param limit    the default page size of a query
 * @param maxLimit our extension: the largest page size a client may ask for
 * @param childNodeTypes child node types rendered as nested objects; empty means every child
 */
public record DeliveryEndpointDefinition(String name, String workspace, String rootPath, List<String> nodeTypes,
                                         List<String> childNodeTypes, boolean includeSystemProperties, int depth,
                                         int limit, int maxLimit, List<Reference> references, Path source) {

    /** A property whose stored value (the target's {@code code}) is rendered as the target node. */
    public record Reference(String name, String propertyName, String targetWorkspace) {
    }

    /** The absolute repository path of the endpoint's root: {@code /<workspace><rootPath>}. */
    public String rootAbsolutePath() {
        return Workspaces.livePath(workspace, rootPath);
    }

    /** The absolute path of a path given relative to the root ({@code /01/01001}). */
    public String absolutePath(String relativePath) {
        String root = rootAbsolutePath();
        if (relativePath == null || relativePath.isEmpty() || relativePath.equals("/")) {
            return root;
        }
        return (root.equals("/") ? "" : root) + (relativePath.startsWith("/") ? relativePath : "/" + relativePath);
    }

    /** The workspace-relative path Magnolia shows as {@code @path}, e.g. {@code /communes/01/01001}. */
    public String workspacePath(String absolutePath) {
        String workspaceRoot = Workspaces.liveRoot(workspace);
        String relative = absolutePath.substring(workspaceRoot.length());
        return relative.isEmpty() ? "/" : relative;
    }
}
