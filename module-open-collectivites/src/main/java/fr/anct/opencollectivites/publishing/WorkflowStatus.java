package fr.anct.opencollectivites.publishing;

import java.util.Locale;

/** Where a draft stands: written, waiting for approval, sent back, or the same as what is live. */
public enum WorkflowStatus {
    DRAFT, SUBMITTED, REJECTED, PUBLISHED;

    public static final String PROPERTY = "oc:status";
    public static final String COMMENT = "oc:comment";
    public static final String CHANGED_BY = "oc:statusBy";
    public static final String CHANGED_AT = "oc:statusAt";

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkflowStatus parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
