package fr.anct.opencollectivites.content;

/** What a write did to one item: imports count these. */
public enum WriteOutcome { CREATED, UPDATED, UNCHANGED }
