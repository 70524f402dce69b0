package fr.anct.opencollectivites.webapp;

import java.util.Map;

import fr.anct.opencollectivites.security.MailSettings;

/**
 * Authoring settings read from the environment until they join {@link PlatformConfig}:
 * {@code OC_MAIL_HOST} (default localhost), {@code OC_MAIL_PORT} (25), {@code OC_MAIL_FROM},
 * {@code OC_MAIL_USERNAME}, {@code OC_MAIL_PASSWORD}, {@code OC_MAIL_STARTTLS} (false),
 * {@code OC_PUBLIC_URL} (the address in mailed links), {@code OC_SECURE_COOKIES} (true unless "false":
 * set false only for plain-HTTP development).
 */
final class AuthoringEnvironment {
    private AuthoringEnvironment() {
    }

    static MailSettings mail(Map<String, String> env) {
        return new MailSettings(env.getOrDefault("OC_MAIL_HOST", "localhost"),
                Integer.parseInt(env.getOrDefault("OC_MAIL_PORT", "25")),
                env.getOrDefault("OC_MAIL_FROM", "ne-pas-repondre@opencollectivites.anct.gouv.fr"),
                env.get("OC_MAIL_USERNAME"), env.get("OC_MAIL_PASSWORD"),
                Boolean.parseBoolean(env.getOrDefault("OC_MAIL_STARTTLS", "false")),
                env.getOrDefault("OC_PUBLIC_URL", "http://localhost:8080"));
    }

    static boolean secureCookies(Map<String, String> env) {
        return !"false".equalsIgnoreCase(env.getOrDefault("OC_SECURE_COOKIES", "true"));
    }
}
