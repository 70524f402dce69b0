package fr.anct.opencollectivites.collectivites;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ReferentielProperties;

/**
 * Today's commune for any code a data file names, read once for a whole file: a live commune (COM) or
 * arrondissement municipal (ARM) is itself; a former code leads to today's commune through the
 * mouvements ({@code anciensCodes} of the live commune, {@code successeur} of the former record).
 * For the importers of other files (populations, BANATIC, annuaire, élus, OFGL) whose rows may name a
 * commune merged since the file was made.
 */
public final class CurrentCommunes {

    /** How a code was resolved. */
    public enum Kind { LIVE, FORMER, UNKNOWN }

    /** @param code today's code (null when unknown) */
    public record Resolution(Kind kind, String code) {
    }

    private final Set<String> live = new HashSet<>();
    private final Map<String, String> formerToCurrent = new HashMap<>();

    private CurrentCommunes() {
    }

    public static CurrentCommunes load(Session session, ContentTypeRegistry types) throws RepositoryException {
        return load(session, types.require("commune"), types.require(FormerCommunes.TYPE));
    }

    static CurrentCommunes load(Session session, ContentTypeDefinition communeType, ContentTypeDefinition formerType)
            throws RepositoryException {
        CurrentCommunes communes = new CurrentCommunes();
        String root = CollectivitePaths.root(communeType);
        if (session.nodeExists(root)) {
            for (NodeIterator buckets = session.getNode(root).getNodes(); buckets.hasNext(); ) {
                for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    String typecom = node.hasProperty(ReferentielProperties.TYPECOM) ? node.getProperty(ReferentielProperties.TYPECOM).getString() : "";
                    if (!typecom.equals("COM") && !typecom.equals("ARM")) {
                        continue;
                    }
                    String code = node.getProperty(ReferentielProperties.CODE).getString();
                    communes.live.add(code);
                    if (node.hasProperty(ReferentielProperties.ANCIENS_CODES)) {
                        for (Value former : node.getProperty(ReferentielProperties.ANCIENS_CODES).getValues()) {
                            communes.formerToCurrent.put(former.getString(), code);
                        }
                    }
                }
            }
        }
        String formerRoot = CollectivitePaths.root(formerType);
        if (session.nodeExists(formerRoot)) {
            for (NodeIterator buckets = session.getNode(formerRoot).getNodes(); buckets.hasNext(); ) {
                for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                    Node record = it.nextNode();
                    if (record.hasProperty("successeur")) {
                        communes.formerToCurrent.putIfAbsent(record.getProperty(ReferentielProperties.CODE).getString(),
                                record.getProperty("successeur").getString());
                    }
                }
            }
        }
        communes.formerToCurrent.keySet().removeAll(communes.live);
        communes.formerToCurrent.values().removeIf(code -> !communes.live.contains(code));
        return communes;
    }

    /** How many rows of a file named a former code, and which codes named none (for the report's notes). */
    public static final class Tally {
        private int former;
        private final java.util.Set<String> unknown = new java.util.TreeSet<>();

        /** Today's code for a row's code (the code itself when unknown, counted). */
        public String resolve(CurrentCommunes communes, String code) {
            Resolution resolution = communes.resolve(code);
            if (resolution.kind() == Kind.FORMER) {
                former++;
                return resolution.code();
            }
            if (resolution.kind() == Kind.UNKNOWN && !communes.isEmpty()) {
                unknown.add(code);
            }
            return code;
        }

        public int former() {
            return former;
        }

        public java.util.Set<String> unknown() {
            return unknown;
        }

        /** The first unknown codes, for a note. */
        public String unknownSample() {
            return String.join(", ", unknown.stream().limit(5).toList()) + (unknown.size() > 5 ? "…" : "");
        }
    }

    /** Whether the référentiel holds no commune at all (no COG imported yet: nothing can be checked). */
    public boolean isEmpty() {
        return live.isEmpty();
    }

    public Resolution resolve(String code) {
        if (code == null) {
            return new Resolution(Kind.UNKNOWN, null);
        }
        if (live.contains(code)) {
            return new Resolution(Kind.LIVE, code);
        }
        String current = formerToCurrent.get(code);
        return current == null ? new Resolution(Kind.UNKNOWN, null) : new Resolution(Kind.FORMER, current);
    }

    /** Today's code, or empty when the code names no commune, current or former. */
    public Optional<String> current(String code) {
        return Optional.ofNullable(resolve(code).code());
    }
}
