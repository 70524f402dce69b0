package fr.anct.opencollectivites.publications.harvest;

import static fr.anct.opencollectivites.repository.NodeProperties.string;
import static fr.anct.opencollectivites.repository.NodeProperties.strings;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** What the harvester reads from a source node ({@code contentTypes/source.yaml}). */
public record SourceSettings(String path, String code, String kind, String url, String publisher, String documentType,
                             List<String> defaultThemes, String schedule, boolean autoPublish, boolean enabled,
                             String etag, String lastModifiedHeader, OffsetDateTime lastRunAt,
                             OffsetDateTime modifiedSince) {
    public static final String FEED = "feed";
    public static final String OPENDATASOFT = "opendatasoft";

    public static SourceSettings read(Node node) throws RepositoryException {
        return new SourceSettings(node.getPath(), string(node, "code"), string(node, "kind"), string(node, "url"),
                string(node, "publisher"), string(node, "documentType"), strings(node, "defaultThemes"),
                string(node, "schedule"),
                node.hasProperty("autoPublish") && node.getProperty("autoPublish").getBoolean(),
                !node.hasProperty("enabled") || node.getProperty("enabled").getBoolean(),
                string(node, "etag"), string(node, "lastModifiedHeader"), date(node, "lastRunAt"),
                date(node, "modifiedSince"));
    }

    static OffsetDateTime date(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return null;
        }
        return node.getProperty(name).getDate().toInstant().atOffset(ZoneOffset.UTC);
    }
}
