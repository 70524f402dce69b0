package fr.anct.opencollectivites.site;

import java.io.IOException;
import java.time.Instant;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.SimpleScalar;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.web.PathTemplateLoader;

/**
 * Renders the light module's page templates ({@code templates/pages/<name>.yaml} + {@code .ftl}) with
 * FreeMarker, HTML auto-escaping on, French locale. Every template sees {@code i18n("key", args…)},
 * {@code res} (the versioned web-resources base URL), {@code page} (its definition) and {@code title}.
 */
public final class SiteRenderer {
    private final Configuration freemarker;
    private final Map<String, PageDefinition> pages;
    private final Messages messages;
    private final WebResources resources;
    private final Instant presentationChanged;

    public SiteRenderer(Path lightModule, Messages messages, WebResources resources) {
        this.messages = messages;
        this.resources = resources;
        this.presentationChanged = latestChange(lightModule, "templates", "i18n", "pages");
        this.pages = PageDefinition.loadAll(lightModule);
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new PathTemplateLoader(lightModule.resolve("templates")));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setOutputEncoding("UTF-8");
        freemarker.setURLEscapingCharset("UTF-8");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
        freemarker.setLocale(Messages.FRENCH);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setSharedVariable("i18n", new I18nMethod(messages));
        // Pages are checked at startup: a missing or broken template stops the platform with its name.
        for (PageDefinition page : pages.values()) {
            try {
                freemarker.getTemplate(page.script());
            } catch (IOException e) {
                throw new IllegalStateException("Page template " + page.name() + " (" + page.script() + "): " + e.getMessage(), e);
            }
        }
    }

    public PageDefinition page(String name) {
        PageDefinition page = pages.get(name);
        if (page == null) {
            throw new NoSuchElementException("No page template " + name);
        }
        return page;
    }

    public Messages messages() {
        return messages;
    }

    /** Renders a page template with its model (plus the common variables). */
    public String render(String pageName, Map<String, Object> model) {
        PageDefinition page = page(pageName);
        Map<String, Object> data = new HashMap<>(model);
        data.put("page", page);
        data.putIfAbsent("title", messages.get(page.titleKey()));
        data.put("res", resources.baseUrl());
        data.putIfAbsent("templateName", page.name());
        try {
            Template template = freemarker.getTemplate(page.script());
            StringWriter out = new StringWriter(16 * 1024);
            template.process(data, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Cannot render page " + pageName + ": " + e.getMessage(), e);
        }
    }

    /** {@code i18n("site.key", arg…)}: the French message, as {@link Messages#get}. */
    private record I18nMethod(Messages messages) implements TemplateMethodModelEx {
        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.isEmpty()) {
                throw new TemplateModelException("i18n needs a message key");
            }
            Object[] args = new Object[arguments.size() - 1];
            for (int i = 1; i < arguments.size(); i++) {
                args[i - 1] = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(i));
            }
            String key = DeepUnwrap.unwrap((freemarker.template.TemplateModel) arguments.get(0)).toString();
            return new SimpleScalar(messages.get(key, args));
        }
    }

    /**
     * When what renders the pages last changed: the newest file of the light module's templates, messages
     * and page definitions. A page is never older than that (Last-Modified), and every instance running
     * the same build says the same (the files' times are the build's, not the start's).
     */
    public Instant presentationChanged() {
        return presentationChanged;
    }

    private static Instant latestChange(Path lightModule, String... folders) {
        Instant latest = Instant.EPOCH;
        for (String folder : folders) {
            Path dir = lightModule.resolve(folder);
            if (!java.nio.file.Files.isDirectory(dir)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Instant modified = java.nio.file.Files.getLastModifiedTime(file).toInstant();
                    if (modified.isAfter(latest)) {
                        latest = modified;
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return latest;
    }
}
