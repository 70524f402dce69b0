package fr.anct.opencollectivites.delivery;

import java.util.List;

/** A request the delivery API refuses; the message is an i18n key rendered by the resource. */
public final class DeliveryException extends RuntimeException {
    private final DeliveryError error;
    private final String messageKey;
    private final List<Object> arguments;

    public DeliveryException(DeliveryError error, String messageKey, Object... arguments) {
        super(error.code() + ": " + messageKey + " " + List.of(arguments));
        this.error = error;
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public DeliveryError error() {
        return error;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
