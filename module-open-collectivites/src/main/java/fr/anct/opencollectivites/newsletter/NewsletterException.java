package fr.anct.opencollectivites.newsletter;

/** A request the newsletter refuses; {@code messageKey} is in newsletter-messages_fr.properties. */
public final class NewsletterException extends Exception {
    private final String code;
    private final String field;
    private final String messageKey;

    public NewsletterException(String code, String field, String messageKey) {
        super(code + (field == null ? "" : " (" + field + ")"));
        this.code = code;
        this.field = field;
        this.messageKey = messageKey;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
