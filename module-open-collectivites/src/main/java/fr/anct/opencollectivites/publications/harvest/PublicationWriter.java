package fr.anct.opencollectivites.publications.harvest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;
import fr.anct.opencollectivites.publications.PublicationPaths;
import fr.anct.opencollectivites.repository.NodeProperties;
import fr.anct.opencollectivites.tagging.PublicationTagger;
import fr.anct.opencollectivites.tagging.Tags;
import fr.anct.opencollectivites.web.Hashes;

/**
 * Writes harvested items as publications of their source: live when the source publishes
 * automatically, else as drafts for review. An item whose content hash (harvested fields, tags and the
 * source's defaults) is unchanged is not touched. Tags merge as auto ∪ defaults ∪ manual − excluded,
 * so an editor's corrections survive the next harvest. Does not save.
 */
public final class PublicationWriter {
    private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");

    private final ContentTypeDefinition type;
    private final HarvestTagging tagging;
    private final ContentWriter writer = new ContentWriter();

    public PublicationWriter(ContentTypeDefinition publicationType, PublicationTagger tagger) {
        this.type = publicationType;
        this.tagging = new HarvestTagging(tagger);
    }

    /** How this writer tags items (what the editors' preview runs). */
    public HarvestTagging tagging() {
        return tagging;
    }

    /** The stable code of an item of a source. */
    public static String code(String sourceCode, HarvestedItem item) {
        return Hashes.sha256Hex(sourceCode + "\n" + item.key()).substring(0, 24);
    }

    /** {@code /items/<first two characters of the code>/<code>}: derivable, and a few hundred buckets. */
    public static String relativePath(String code) {
        return PublicationPaths.ITEMS + "/" + code.substring(0, 2) + "/" + code;
    }

    public WriteOutcome write(Session session, SourceSettings source, HarvestedItem item)
            throws RepositoryException, ContentValidationException {
        String code = code(source.code(), item);
        String root = source.autoPublish() ? PublicationPaths.live("") : fr.anct.opencollectivites.repository.Workspaces
                .draftRoot(PublicationPaths.WORKSPACE);
        String path = root + relativePath(code);
        Node existing = session.nodeExists(path) ? session.getNode(path) : null;

        Tags tags = tagging.tags(item.title(), item.summary());
        Set<String> autoThemes = new TreeSet<>(tags.themes());
        Set<String> autoTerritories = new TreeSet<>(tags.territories());
        String hash = Hashes.sha256Hex(String.join("\u0000", String.valueOf(item.guid()), item.title(),
                String.valueOf(item.summary()), item.link(), String.valueOf(item.date()), String.valueOf(item.image()),
                String.valueOf(source.publisher()), String.valueOf(source.documentType()),
                String.valueOf(new TreeSet<>(source.defaultThemes())), autoThemes.toString(), autoTerritories.toString()));
        if (existing != null && hash.equals(NodeProperties.string(existing, "contentHash"))) {
            return WriteOutcome.UNCHANGED;
        }
        Set<String> themes = new TreeSet<>(autoThemes);
        themes.addAll(source.defaultThemes());
        Set<String> territories = new TreeSet<>(autoTerritories);
        if (existing != null) {
            themes.addAll(NodeProperties.strings(existing, "manualThemes"));
            themes.removeAll(NodeProperties.strings(existing, "excludedThemes"));
            territories.addAll(NodeProperties.strings(existing, "manualTerritories"));
            territories.removeAll(NodeProperties.strings(existing, "excludedTerritories"));
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("title", item.title());
        values.put("summary", item.summary());
        values.put("link", item.link());
        values.put("guid", item.guid());
        values.put("date", item.date());
        values.put("publisher", source.publisher());
        values.put("documentType", source.documentType());
        values.put("source", source.code());
        values.put("themes", List.copyOf(themes));
        values.put("autoThemes", List.copyOf(autoThemes));
        values.put("territories", List.copyOf(territories));
        values.put("autoTerritories", List.copyOf(autoTerritories));
        values.put("years", years(item));
        values.put("image", item.image());
        values.put("contentHash", hash);
        return writer.upsert(session, path, type, values);
    }

    /** The years a publication is about: those its title names, else the year of its date. */
    static List<Long> years(HarvestedItem item) {
        Set<Long> years = new TreeSet<>();
        Matcher matcher = YEAR.matcher(item.title());
        while (matcher.find()) {
            years.add(Long.parseLong(matcher.group(1)));
        }
        if (years.isEmpty() && item.date() != null) {
            years.add((long) item.date().getYear());
        }
        return new ArrayList<>(years);
    }
}
