package fr.anct.opencollectivites.collectivites;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ReferentielProperties;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;
import fr.anct.opencollectivites.imports.Vintage;

/**
 * COG communes (v_commune_AAAA.csv), keyed by (TYPECOM, COM): a code may be both a COM and the COMD
 * of that same commune. COMD and COMA rows carry no DEP/REG: they take their parent COM's, which may
 * lie in another département (02285, Aisne, attached to 59545, Nord) — hence the map built in pass 1.
 */
public final class CommuneImporter implements Importer {
    static final Set<String> TYPES = Set.of("COM", "ARM", "COMD", "COMA");
    private static final TableLayout LAYOUT = TableLayout.csv(',',
            List.of("TYPECOM", "COM", "REG", "DEP", "CTCD", "ARR", "TNCC", "NCC", "NCCENR", "LIBELLE", "CAN", "COMPARENT"),
            "TYPECOM", "COM", "COMPARENT");

    @Override
    public String name() {
        return "cog-communes";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public TableLayout layout() {
        return LAYOUT;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job(Codes.year(file.getFileName().toString()).orElse(null));
    }

    /**
     * Whether a file is the whole COG or a part of it: complete when it lists communes (COM) in every
     * département where the référentiel has some, and at least half of the référentiel's communes
     * (a new year's COG lists over 95 % of the previous one's); {@code --partiel} makes every file partial.
     */
    static final int COMPLETE_MIN_SHARE_PERCENT = 50;

    /** Région and département of a COM, all its COMD/COMA need. */
    private record Place(String region, String departement) {
    }

    private static final class Job implements ImportJob {
        private final Long millesime;
        private final Map<String, Long> seen = new HashMap<>();
        private final Map<String, Place> comPlaces = new HashMap<>();
        private Boolean formerRecordsExist;

        Job(Long millesime) {
            this.millesime = millesime;
        }

        @Override
        public Optional<Vintage> vintage(Session session) throws RepositoryException {
            Optional<Mouvements> mouvements = Mouvements.stored(session);
            if (mouvements.isEmpty() || mouvements.get().isEmpty()) {
                return Optional.ofNullable(millesime).map(Vintage::name);
            }
            Mouvements.Dating dating = mouvements.get().date(seen.keySet());
            if (dating.earliestEnded() != null) {
                return Optional.of(Vintage.content(Mouvements.vintageBefore(dating.earliestEnded())));
            }
            return Optional.of(millesime != null ? Vintage.name(millesime)
                    : Vintage.atLeast(Mouvements.vintageOf(dating.latestEvent())));
        }

        @Override
        public void validate(Row row, FileProblems problems) {
            long line = row.line();
            String typecom = row.get("TYPECOM");
            String code = row.get("COM");
            if (!TYPES.contains(typecom)) {
                problems.error(line, "imports.error.invalidValue", "TYPECOM", typecom);
                return;
            }
            if (!Codes.valid(Codes.COMMUNE, code)) {
                problems.error(line, "imports.error.invalidCode", "COM", code);
                return;
            }
            Long previous = seen.putIfAbsent(typecom + " " + code, line);
            if (previous != null) {
                problems.error(line, "imports.error.duplicate", typecom + " " + code, previous);
            }
            CogNames.validate(row, problems);
            if (typecom.equals("COM") || typecom.equals("ARM")) {
                UniqueCodes.checkRequired(row, problems, "REG", Codes.REGION);
                UniqueCodes.checkRequired(row, problems, "DEP", Codes.DEPARTEMENT);
                // Mayotte has no arrondissement: ARR is empty there
                UniqueCodes.checkOptional(row, problems, "ARR", Codes.ARRONDISSEMENT);
                if (typecom.equals("COM")) {
                    comPlaces.put(code, new Place(row.get("REG"), row.get("DEP")));
                } else {
                    UniqueCodes.checkRequired(row, problems, "COMPARENT", Codes.COMMUNE);
                }
            } else {
                UniqueCodes.checkRequired(row, problems, "COMPARENT", Codes.COMMUNE);
            }
        }

        @Override
        public void write(Row row, ImportContext context) throws RepositoryException {
            ContentTypeDefinition type = context.type("commune");
            String typecom = row.get("TYPECOM");
            String code = row.get("COM");
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(ReferentielProperties.CODE, code);
            values.put(ReferentielProperties.TYPECOM, typecom);
            CogNames.put(row, values);
            values.put("collectiviteTerritoriale", row.orNull("CTCD"));
            values.put(ReferentielProperties.ARRONDISSEMENT, row.orNull("ARR"));
            values.put(ReferentielProperties.CANTON, row.orNull("CAN"));
            values.put(ReferentielProperties.COMMUNE_PARENTE, row.orNull("COMPARENT"));
            if (millesime != null) {
                values.put(ReferentielProperties.MILLESIME_COG, millesime);
            }
            if (typecom.equals("COM") || typecom.equals("ARM")) {
                values.put(ReferentielProperties.REGION, row.get("REG"));
                values.put(ReferentielProperties.DEPARTEMENT, row.get("DEP"));
            } else {
                Place parent = parentPlace(context.session(), type, row.get("COMPARENT"));
                if (parent == null) {
                    context.reject(row.line(), "imports.reject.unknownParent", row.get("COMPARENT"));
                    return;
                }
                values.put(ReferentielProperties.REGION, parent.region());
                values.put(ReferentielProperties.DEPARTEMENT, parent.departement());
            }
            if (formerRecordsExist == null) {
                formerRecordsExist = context.session().nodeExists(
                        CollectivitePaths.root(context.type(FormerCommunes.TYPE)));
            }
            if (formerRecordsExist) {
                FormerCommunes.comesBack(context, typecom, code);
            }
            context.upsert(CollectivitePaths.commune(type, typecom, code), type, values);
        }

        /**
         * A complete file replaces the set of live communes: every live commune (of any type) it does
         * not list is retired, with its successor when the mouvements already imported say it. A
         * partial file only adds and updates.
         */
        @Override
        public void complete(ImportContext context) throws RepositoryException {
            ContentTypeDefinition type = context.type("commune");
            String root = CollectivitePaths.root(type);
            if (!context.session().nodeExists(root)) {
                return;
            }
            List<Node> absent = new ArrayList<>();
            Set<String> liveDepartements = new TreeSet<>();
            long liveCom = 0;
            long liveComListed = 0;
            for (NodeIterator buckets = context.session().getNode(root).getNodes(); buckets.hasNext(); ) {
                for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (!node.hasProperty(ReferentielProperties.TYPECOM) || !node.hasProperty(ReferentielProperties.CODE)) {
                        continue;
                    }
                    String typecom = node.getProperty(ReferentielProperties.TYPECOM).getString();
                    boolean listed = seen.containsKey(typecom + " " + node.getProperty(ReferentielProperties.CODE).getString());
                    if (typecom.equals("COM")) {
                        liveCom++;
                        liveComListed += listed ? 1 : 0;
                        if (node.hasProperty(ReferentielProperties.DEPARTEMENT)) {
                            liveDepartements.add(node.getProperty(ReferentielProperties.DEPARTEMENT).getString());
                        }
                    }
                    if (!listed) {
                        absent.add(node);
                    }
                }
            }
            if (absent.isEmpty()) {
                return;
            }
            Set<String> listedDepartements = new TreeSet<>();
            comPlaces.values().forEach(place -> listedDepartements.add(place.departement()));
            Set<String> uncovered = new TreeSet<>(liveDepartements);
            uncovered.removeAll(listedDepartements);
            if (context.partialOnly()) {
                context.note("imports.cog.partialOption", absent.size());
                return;
            }
            if (!uncovered.isEmpty() || liveComListed * 100 < liveCom * COMPLETE_MIN_SHARE_PERCENT) {
                context.note("imports.cog.partial", liveDepartements.size() - uncovered.size(), liveDepartements.size(),
                        liveComListed, liveCom, absent.size());
                return;
            }
            Optional<Mouvements> mouvements = Mouvements.stored(context.session());
            Set<String> stayingCom = new HashSet<>();
            for (String key : seen.keySet()) {
                if (key.startsWith("COM ")) {
                    stayingCom.add(key.substring(4));
                }
            }
            for (Node node : absent) {
                String entity = node.getProperty(ReferentielProperties.TYPECOM).getString() + " " + node.getProperty(ReferentielProperties.CODE).getString();
                Optional<Mouvements.Ending> ending = mouvements.flatMap(m -> m.ending(entity));
                String successor = ending.filter(e -> e.successor() != null)
                        .map(e -> mouvements.get().follow(e.successor(), e.date(), stayingCom)).orElse(null);
                FormerCommunes.retire(context, node, successor, ending.map(Mouvements.Ending::date).orElse(null));
            }
            context.note("imports.cog.complete", absent.size());
        }

        /** From this file, else from the référentiel (a partial file may list a COMD without its COM). */
        private Place parentPlace(Session session, ContentTypeDefinition type, String parentCode)
                throws RepositoryException {
            Place place = comPlaces.get(parentCode);
            if (place != null) {
                return place;
            }
            String path = CollectivitePaths.commune(type, "COM", parentCode);
            if (!session.nodeExists(path)) {
                return null;
            }
            Node parent = session.getNode(path);
            if (!parent.hasProperty(ReferentielProperties.REGION) || !parent.hasProperty(ReferentielProperties.DEPARTEMENT)) {
                return null;
            }
            return new Place(parent.getProperty(ReferentielProperties.REGION).getString(), parent.getProperty(ReferentielProperties.DEPARTEMENT).getString());
        }
    }
}
