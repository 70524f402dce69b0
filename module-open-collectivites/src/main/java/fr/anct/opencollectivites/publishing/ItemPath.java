package fr.anct.opencollectivites.publishing;

import java.util.Arrays;
import java.util.List;

import fr.anct.opencollectivites.repository.Workspaces;
import fr.anct.opencollectivites.security.SecurityPaths;

/**
 * An authored item: a live workspace and a path inside it. Each segment is letters, digits, '-' or
 * '_' (no '.', no '/', no JCR name syntax): what comes from a URL cannot escape its tree.
 */
public record ItemPath(String workspace, String relativePath) {
    private static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9_-]{0,99}";
    private static final int MAX_DEPTH = 12;

    public ItemPath {
        if (!Workspaces.LIVE.contains(workspace)) {
            throw new InvalidPathException(workspace + relativePath);
        }
        List<String> segments = segments(relativePath);
        if (segments.isEmpty() || segments.size() > MAX_DEPTH || !segments.stream().allMatch(s -> s.matches(SEGMENT))) {
            throw new InvalidPathException(workspace + relativePath);
        }
        relativePath = "/" + String.join("/", segments);
    }

    public static ItemPath of(String workspace, String relativePath) {
        return new ItemPath(workspace, relativePath);
    }

    private static List<String> segments(String path) {
        if (path == null) {
            return List.of();
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/", -1));
    }

    public String draftPath() {
        return Workspaces.draftPath(workspace, relativePath);
    }

    public String livePath() {
        return Workspaces.livePath(workspace, relativePath);
    }

    /** The node holding this item's versions and schedule. */
    public String recordPath() {
        return SecurityPaths.publishingPath(workspace, relativePath);
    }

    public String name() {
        return relativePath.substring(relativePath.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return workspace + ":" + relativePath;
    }

    /** A path that is not a valid item path (traversal attempt, bad characters, unknown workspace). */
    public static final class InvalidPathException extends DraftException {
        public InvalidPathException(String path) {
            super(Reason.INVALID, "authoring.error.path", path);
        }
    }
}
