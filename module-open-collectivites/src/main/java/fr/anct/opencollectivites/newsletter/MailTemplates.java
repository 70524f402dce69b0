package fr.anct.opencollectivites.newsletter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import fr.anct.opencollectivites.web.PathTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;

/**
 * The French mails, FreeMarker templates of the light module ({@code templates/mail/<name>.txt.ftl} and
 * {@code <name>.html.ftl}); HTML templates escape every value (output format HTML).
 */
public final class MailTemplates {
    private final Configuration freemarker;

    public MailTemplates(Path lightModuleDir) {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        // the packaged light module is a folder inside the jar, which has no java.io.File
        freemarker.setTemplateLoader(new PathTemplateLoader(lightModuleDir.resolve("templates/mail")));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.FRANCE);
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setFallbackOnNullLoopVariable(false);
        TemplateConfiguration html = new TemplateConfiguration();
        html.setOutputFormat(HTMLOutputFormat.INSTANCE);
        html.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        TemplateConfiguration text = new TemplateConfiguration();
        text.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        freemarker.setTemplateConfigurations(new FirstMatchTemplateConfigurationFactory(
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.html.ftl"), html),
                new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher("*.txt.ftl"), text))
                .allowNoMatch(true));
    }

    /** The text and the HTML of mail {@code name}. */
    public String[] render(String name, Map<String, Object> model) {
        return new String[] {renderFile(name + ".txt.ftl", model), renderFile(name + ".html.ftl", model)};
    }

    private String renderFile(String file, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(file).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Mail template " + file + ": " + e.getMessage(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Mail template " + file + ": " + e.getMessage(), e);
        }
    }
}
