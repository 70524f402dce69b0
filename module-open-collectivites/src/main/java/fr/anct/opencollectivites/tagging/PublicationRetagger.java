package fr.anct.opencollectivites.tagging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.content.ContentWriter;
import fr.anct.opencollectivites.content.WriteOutcome;

/**
 * Recomputes a publication's tags: {@code autoTerritories}/{@code autoThemes} from its title and summary,
 * then the effective {@code territories}/{@code themes} = auto ∪ manual − excluded, so that an editor's
 * corrections survive every re-harvest. Writes through {@link ContentWriter} (unchanged tags write
 * nothing); does not save.
 */
public final class PublicationRetagger {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final PublicationTagger tagger;
    private final ContentTypeDefinition publicationType;
    private final ContentWriter writer = new ContentWriter();

    public PublicationRetagger(PublicationTagger tagger, ContentTypeDefinition publicationType) {
        this.tagger = tagger;
        this.publicationType = publicationType;
    }

    public WriteOutcome retag(Session session, Node publication) throws RepositoryException, ContentValidationException {
        Tags found = tagger.tag(string(publication, "title"), plainText(string(publication, "summary")));
        Map<String, Object> values = new LinkedHashMap<>();
        values.putAll(tagValues(publication, "Territories", "territories", found.territories()));
        values.putAll(tagValues(publication, "Themes", "themes", found.themes()));
        return writer.update(publication, publicationType, values);
    }

    /** The plain text of sanitised HTML: tags dropped, the usual entities decoded. */
    public static String plainText(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(html).replaceAll(" ");
        text = text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&#x27;", "'").replace("&rsquo;", "’").replace("&amp;", "&");
        return text.replaceAll("\\s+", " ").trim();
    }

    private static Map<String, Object> tagValues(Node node, String suffix, String effectiveName, Set<String> auto)
            throws RepositoryException {
        List<String> manual = strings(node, "manual" + suffix);
        List<String> excluded = strings(node, "excluded" + suffix);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("auto" + suffix, new ArrayList<>(new java.util.TreeSet<>(auto)));
        values.put(effectiveName, new ArrayList<>(TagMerge.effective(auto, manual, excluded)));
        return values;
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) && !node.getProperty(name).isMultiple() ? node.getProperty(name).getString() : null;
    }

    private static List<String> strings(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return List.of();
        }
        Property property = node.getProperty(name);
        if (!property.isMultiple()) {
            return List.of(property.getString());
        }
        List<String> values = new ArrayList<>();
        for (Value value : property.getValues()) {
            values.add(value.getString());
        }
        return values;
    }
}
