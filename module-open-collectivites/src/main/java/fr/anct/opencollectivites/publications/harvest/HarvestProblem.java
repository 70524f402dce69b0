package fr.anct.opencollectivites.publications.harvest;

import java.util.List;

/** Why a source could not be harvested: an i18n key and its arguments, shown in French to editors. */
public final class HarvestProblem extends Exception {
    private final String messageKey;
    private final List<Object> arguments;

    public HarvestProblem(String messageKey, Object... arguments) {
        this(null, messageKey, arguments);
    }

    public HarvestProblem(Throwable cause, String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments), cause);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
