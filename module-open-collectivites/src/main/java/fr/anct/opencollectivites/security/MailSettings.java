package fr.anct.opencollectivites.security;

/**
 * Where mail goes: an SMTP relay. {@code baseUrl} is the public address of the platform, used to
 * build the links the mails carry.
 */
public record MailSettings(String host, int port, String from, String username, String password,
                           boolean startTls, String baseUrl) {
}
