package fr.anct.opencollectivites.tagging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A labelled set of headlines for measuring the tagger: {@code tagging/labelled-headlines.yaml} (written
 * for the project before the tagger, a list of items) and {@code tagging/frozen-headlines.yaml} (real
 * headlines collected and labelled before the rules of issue 22, an {@code items} list; each item names
 * the causes of error it exemplifies) and {@code tagging/development-headlines.yaml} (the real headlines those
 * rules were written with).
 */
record LabelledHeadlines(String name, List<Item> items) {
    static final String WRITTEN = "/tagging/labelled-headlines.yaml";
    static final String FROZEN = "/tagging/frozen-headlines.yaml";
    static final String DEVELOPMENT = "/tagging/development-headlines.yaml";

    record Item(int id, String title, String summary, Set<String> territories, Set<String> themes, Set<String> causes) {
    }

    @SuppressWarnings("unchecked")
    static LabelledHeadlines load(String resource) {
        try (InputStream in = LabelledHeadlines.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            List<Map<String, Object>> raw = document instanceof Map<?, ?> map
                    ? (List<Map<String, Object>>) map.get("items") : (List<Map<String, Object>>) document;
            List<Item> items = new ArrayList<>();
            for (Map<String, Object> entry : raw) {
                items.add(new Item((Integer) entry.get("id"), (String) entry.get("title"), (String) entry.get("summary"),
                        strings(entry.get("territories")), strings(entry.get("themes")), strings(entry.get("causes"))));
            }
            return new LabelledHeadlines(resource.substring(resource.lastIndexOf('/') + 1), List.copyOf(items));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> strings(Object list) {
        Set<String> values = new TreeSet<>();
        if (list != null) {
            for (Object value : (List<Object>) list) {
                values.add(String.valueOf(value));
            }
        }
        return values;
    }
}
