package fr.anct.opencollectivites.repository;

import javax.jcr.observation.Event;

/** The JCR observation masks of the module's observers (the indexes, the tagger): what counts as a change. */
public final class ContentEvents {
    /** Every change of a subtree: nodes added, removed or moved; properties added, changed or removed. */
    public static final int ALL = Event.NODE_ADDED | Event.NODE_REMOVED | Event.NODE_MOVED
            | Event.PROPERTY_ADDED | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED;
    private static final int PROPERTIES = Event.PROPERTY_ADDED | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED;

    private ContentEvents() {
    }

    /** Whether an event's type is a property's (its node is the event path's parent). */
    public static boolean onProperty(int eventType) {
        return (eventType & PROPERTIES) != 0;
    }
}
