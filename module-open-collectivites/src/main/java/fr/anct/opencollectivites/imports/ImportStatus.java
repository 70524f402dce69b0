package fr.anct.opencollectivites.imports;

public enum ImportStatus { OK, FAILED }
