package fr.anct.opencollectivites.newsletter;

import java.util.Map;

/** One mail to send: French text and HTML alternatives, extra headers (List-Unsubscribe…). */
public record OutgoingMail(String to, String subject, String text, String html, Map<String, String> headers) {
}
