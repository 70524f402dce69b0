package fr.anct.opencollectivites.site;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A page template declared in Magnolia's format, {@code templates/pages/<name>.yaml}:
 * <pre>
 * templateScript: /open-collectivites/templates/pages/home.ftl
 * renderType: freemarker
 * title: site.home.title      # an i18n key, as Magnolia's i18n-aware titles
 * areas: { main: {} }
 * cacheControl: public, max-age=3600   # our extension: the page type's HTTP cache policy
 * </pre>
 *
 * @param script the template path relative to the light module's {@code templates/} folder
 */
public record PageDefinition(String name, String script, String titleKey, String cacheControl,
                             List<String> areas) {
    private static final String DEFAULT_CACHE = "public, max-age=300";

    /** Loads every {@code templates/pages/*.yaml}; a broken definition fails with its file name. */
    public static Map<String, PageDefinition> loadAll(Path lightModule) {
        Path dir = lightModule.resolve("templates").resolve("pages");
        Map<String, PageDefinition> pages = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                PageDefinition page = load(file);
                pages.put(page.name(), page);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the page templates in " + dir + ": " + e.getMessage(), e);
        }
        return pages;
    }

    static PageDefinition load(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - ".yaml".length());
        Map<String, Object> yaml;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (!(parsed instanceof Map<?, ?> map)) {
                throw new IllegalStateException(file + ": a page definition must be a YAML mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            yaml = typed;
        }
        Object renderType = yaml.getOrDefault("renderType", "freemarker");
        if (!"freemarker".equals(renderType)) {
            throw new IllegalStateException(file + ": renderType " + renderType + " is not supported (freemarker only)");
        }
        Object script = yaml.get("templateScript");
        if (!(script instanceof String path) || !path.endsWith(".ftl")) {
            throw new IllegalStateException(file + ": templateScript must name a .ftl file");
        }
        String prefix = "/open-collectivites/templates/";
        if (!path.startsWith(prefix)) {
            throw new IllegalStateException(file + ": templateScript must start with " + prefix);
        }
        Object areas = yaml.get("areas");
        List<String> areaNames = areas instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf).toList() : List.of();
        return new PageDefinition(name, path.substring(prefix.length()), String.valueOf(yaml.getOrDefault("title", name)),
                String.valueOf(yaml.getOrDefault("cacheControl", DEFAULT_CACHE)), areaNames);
    }
}
