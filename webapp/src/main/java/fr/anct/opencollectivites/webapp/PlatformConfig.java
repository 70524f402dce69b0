package fr.anct.opencollectivites.webapp;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import org.quartz.CronExpression;

import fr.anct.opencollectivites.repository.RepositoryMode;
import fr.anct.opencollectivites.repository.RepositorySettings;

/**
 * The platform's configuration: built-in defaults, overridden by a properties file, overridden by
 * environment variables ({@code server.port} ↔ {@code OC_SERVER_PORT}). See docs/configuration.md.
 */
public record PlatformConfig(
        String host,
        int port,
        Path dataDir,
        Optional<Path> lightModuleDir,
        boolean demoData,
        Optional<Path> importsDir,
        Optional<String> importsSchedule,
        Duration deliveryMaxAge,
        RepositorySettings repository,
        Schedules schedules,
        MailSettings mail,
        SecuritySettings security) {

    /** Quartz cron expressions of the periodic jobs; an empty one disables its job. */
    public record Schedules(Optional<String> harvest, Optional<String> linkCheck, Optional<String> newsletter) {
    }

    /**
     * Outgoing mail (newsletter, password reset) and the public address used in links sent by mail.
     * No SMTP host: the newsletter API is off and password-reset mails go to localhost:25.
     * {@code secureCookies}: the session cookie is {@code Secure} (false only for plain-HTTP development).
     */
    public record MailSettings(Optional<String> smtpHost, int smtpPort, String from, String siteBaseUrl,
                               Optional<String> username, Optional<String> password, boolean startTls,
                               boolean secureCookies) {
    }

    /**
     * {@code outbound.*}: where harvests and the link checker may connect (ports; hosts exempt from the
     * public-address rule). {@code security.trustedProxies}: addresses of the reverse proxies whose
     * {@code X-Forwarded-For} names the client. {@code metrics.*}: {@code /metrics} on a port of its
     * own and/or behind a bearer token.
     */
    public record SecuritySettings(Set<Integer> outboundPorts, Set<String> outboundTrustedHosts,
                                   Set<String> trustedProxies, int metricsPort, Optional<String> metricsToken) {
    }

    static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("server.host", "0.0.0.0"),
            Map.entry("server.port", "8080"),
            Map.entry("data.dir", "data"),
            Map.entry("lightModule.dir", ""),
            Map.entry("demo.enabled", "true"),
            Map.entry("imports.dir", ""),
            Map.entry("imports.schedule", ""),
            Map.entry("delivery.maxAgeSeconds", "60"),
            Map.entry("repository.mode", "embedded"),
            Map.entry("repository.jdbcUrl", ""),
            Map.entry("repository.user", ""),
            Map.entry("repository.password", ""),
            Map.entry("repository.poolSize", "10"),
            Map.entry("cluster.id", "0"),
            Map.entry("cluster.leaseSeconds", Integer.toString(RepositorySettings.DEFAULT_LEASE_SECONDS)),
            Map.entry("harvest.schedule", ""),
            Map.entry("linkcheck.schedule", ""),
            Map.entry("newsletter.schedule", ""),
            Map.entry("mail.smtp.host", ""),
            Map.entry("mail.smtp.port", "25"),
            Map.entry("mail.from", "ne-pas-repondre@opencollectivites.localhost"),
            Map.entry("mail.smtp.username", ""),
            Map.entry("mail.smtp.password", ""),
            Map.entry("mail.smtp.starttls", "false"),
            Map.entry("site.baseUrl", "http://localhost:8080"),
            Map.entry("security.secureCookies", "true"),
            Map.entry("security.trustedProxies", ""),
            Map.entry("outbound.allowedPorts", "80,443"),
            Map.entry("outbound.trustedHosts", ""),
            Map.entry("metrics.port", "0"),
            Map.entry("metrics.token", ""));

    /** Loads from an optional file and the given environment (pass {@code System.getenv()}). */
    public static PlatformConfig load(Optional<Path> file, Map<String, String> environment) {
        Properties properties = new Properties();
        DEFAULTS.forEach(properties::setProperty);
        if (file.isPresent()) {
            try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
                Properties fromFile = new Properties();
                fromFile.load(reader);
                for (String key : fromFile.stringPropertyNames()) {
                    if (!DEFAULTS.containsKey(key)) {
                        throw new IllegalArgumentException(file.get() + ": unknown setting '" + key
                                + "' (known: " + String.join(", ", DEFAULTS.keySet().stream().sorted().toList()) + ")");
                    }
                    properties.setProperty(key, fromFile.getProperty(key));
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read configuration file " + file.get() + ": " + e.getMessage(), e);
            }
        }
        for (String key : DEFAULTS.keySet()) {
            String value = environment.get(environmentName(key));
            if (value != null) {
                properties.setProperty(key, value);
            }
        }
        return from(properties);
    }

    /** {@code server.port} → {@code OC_SERVER_PORT}; {@code lightModule.dir} → {@code OC_LIGHT_MODULE_DIR}. */
    public static String environmentName(String key) {
        return "OC_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static PlatformConfig from(Properties p) {
        Optional<String> importsSchedule = cron(p, "imports.schedule");
        return new PlatformConfig(
                p.getProperty("server.host"),
                integer(p, "server.port"),
                Path.of(p.getProperty("data.dir")),
                optionalPath(p.getProperty("lightModule.dir")),
                bool(p, "demo.enabled"),
                optionalPath(p.getProperty("imports.dir")),
                importsSchedule,
                Duration.ofSeconds(integer(p, "delivery.maxAgeSeconds")),
                repositorySettings(p),
                new Schedules(cron(p, "harvest.schedule"), cron(p, "linkcheck.schedule"), cron(p, "newsletter.schedule")),
                new MailSettings(Optional.of(p.getProperty("mail.smtp.host").trim()).filter(h -> !h.isEmpty()),
                        integer(p, "mail.smtp.port"), p.getProperty("mail.from").trim(),
                        p.getProperty("site.baseUrl").trim().replaceAll("/+$", ""),
                        Optional.of(p.getProperty("mail.smtp.username").trim()).filter(u -> !u.isEmpty()),
                        Optional.of(p.getProperty("mail.smtp.password")).filter(u -> !u.isEmpty()),
                        bool(p, "mail.smtp.starttls"), bool(p, "security.secureCookies")),
                new SecuritySettings(list(p, "outbound.allowedPorts").stream().map(port -> port(p, "outbound.allowedPorts", port))
                        .collect(Collectors.toUnmodifiableSet()),
                        Set.copyOf(list(p, "outbound.trustedHosts")), Set.copyOf(list(p, "security.trustedProxies")),
                        integer(p, "metrics.port"),
                        Optional.of(p.getProperty("metrics.token").trim()).filter(t -> !t.isEmpty())));
    }

    private static List<String> list(Properties p, String key) {
        return Arrays.stream(p.getProperty(key).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static int port(Properties p, String key, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Setting " + key + " must list ports (1-65535) separated by commas, not '"
                + p.getProperty(key) + "'");
    }

    private static Optional<String> cron(Properties p, String key) {
        String schedule = p.getProperty(key).trim();
        if (!schedule.isEmpty() && !CronExpression.isValidExpression(schedule)) {
            throw new IllegalArgumentException("Setting " + key + " is not a Quartz cron expression: '" + schedule
                    + "' (e.g. '0 0 3 * * ?' for 3 a.m. every day)");
        }
        return Optional.of(schedule).filter(s -> !s.isEmpty());
    }

    private static RepositorySettings repositorySettings(Properties p) {
        String mode = p.getProperty("repository.mode").trim().toLowerCase(Locale.ROOT);
        RepositoryMode repositoryMode = switch (mode) {
            case "embedded" -> RepositoryMode.EMBEDDED;
            case "postgresql" -> RepositoryMode.POSTGRESQL;
            default -> throw new IllegalArgumentException("Setting repository.mode must be embedded or postgresql, not '" + mode + "'");
        };
        return new RepositorySettings(repositoryMode, p.getProperty("repository.jdbcUrl").trim(),
                p.getProperty("repository.user").trim(), p.getProperty("repository.password"),
                integer(p, "repository.poolSize"), integer(p, "cluster.id"), integer(p, "cluster.leaseSeconds"));
    }

    private static int integer(Properties p, String key) {
        try {
            return Integer.parseInt(p.getProperty(key).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number, not '" + p.getProperty(key) + "'");
        }
    }

    private static boolean bool(Properties p, String key) {
        String value = p.getProperty(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("Setting " + key + " must be true or false, not '" + value + "'");
        };
    }

    private static Optional<Path> optionalPath(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.trim()));
    }

    /**
     * Another port ({@code serve --port}); a {@code site.baseUrl} left at its local default follows it, so that
     * the pages' absolute addresses point where the server listens (a configured one is kept).
     */
    public PlatformConfig withPort(int newPort) {
        MailSettings settings = mail;
        if (newPort > 0 && mail.siteBaseUrl().equals("http://localhost:" + port)) {
            settings = new MailSettings(mail.smtpHost(), mail.smtpPort(), mail.from(), "http://localhost:" + newPort,
                    mail.username(), mail.password(), mail.startTls(), mail.secureCookies());
        }
        return new PlatformConfig(host, newPort, dataDir, lightModuleDir, demoData, importsDir, importsSchedule, deliveryMaxAge, repository, schedules, settings, security);
    }

    public PlatformConfig withDataDir(Path newDataDir) {
        return new PlatformConfig(host, port, newDataDir, lightModuleDir, demoData, importsDir, importsSchedule, deliveryMaxAge, repository, schedules, mail, security);
    }

    public PlatformConfig withDemoData(boolean enabled) {
        return new PlatformConfig(host, port, dataDir, lightModuleDir, enabled, importsDir, importsSchedule, deliveryMaxAge, repository, schedules, mail, security);
    }

    public PlatformConfig withRepository(RepositorySettings settings) {
        return new PlatformConfig(host, port, dataDir, lightModuleDir, demoData, importsDir, importsSchedule, deliveryMaxAge, settings, schedules, mail, security);
    }

    public PlatformConfig withMail(MailSettings settings) {
        return new PlatformConfig(host, port, dataDir, lightModuleDir, demoData, importsDir, importsSchedule, deliveryMaxAge,
                repository, schedules, settings, security);
    }

    public PlatformConfig withSecurity(SecuritySettings settings) {
        return new PlatformConfig(host, port, dataDir, lightModuleDir, demoData, importsDir, importsSchedule, deliveryMaxAge,
                repository, schedules, mail, settings);
    }

    public PlatformConfig withImports(Path dir, String schedule) {
        return new PlatformConfig(host, port, dataDir, lightModuleDir, demoData, Optional.of(dir), Optional.of(schedule),
                deliveryMaxAge, repository, schedules, mail, security);
    }
}
