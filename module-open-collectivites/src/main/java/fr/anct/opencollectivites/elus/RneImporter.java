package fr.anct.opencollectivites.elus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import fr.anct.opencollectivites.collectivites.CurrentCommunes;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.SinglePassJob;
import fr.anct.opencollectivites.imports.TableLayout;

/**
 * The Répertoire national des élus (data.gouv.fr, CSV with ";"): the maires ({@code elus-maires}, or the
 * "Maire" rows of {@code elus-conseillers-municipaux}) and the présidents of EPCI (the "Président du
 * conseil communautaire" rows of {@code elus-epci}). Nothing but the name, sex, fonction and its start
 * date is kept. One élu per commune or EPCI: when a file gives two, the latest fonction wins and the other
 * row is listed as rejected. A file covering at least {@value #COMPLETE_MIN_DEPARTEMENTS} départements is
 * taken as complete: a commune or EPCI absent from it loses its élu; a smaller file only adds and replaces.
 */
public final class RneImporter implements Importer {
    static final int COMPLETE_MIN_DEPARTEMENTS = 90;
    private static final String DEPARTEMENT = "Code du département";
    private static final String COMMUNE = "Code de la commune";
    private static final String COMMUNE_NOM = "Libellé de la commune";
    private static final String SIREN = "N° SIREN";
    private static final String EPCI_NOM = "Libellé de l'EPCI";
    private static final String NOM = "Nom de l'élu";
    private static final String PRENOM = "Prénom de l'élu";
    private static final String SEXE = "Code sexe";
    private static final String FONCTION = "Libellé de la fonction";
    private static final String DEBUT_FONCTION = "Date de début de la fonction";

    private final String name;
    private final int order;
    private final TableLayout layout;
    private final boolean presidents;
    private final Predicate<String> keeps;

    private RneImporter(String name, int order, TableLayout layout, boolean presidents, Predicate<String> keeps) {
        this.name = name;
        this.order = order;
        this.layout = layout;
        this.presidents = presidents;
        this.keeps = keeps;
    }

    /** {@code elus-epci}: one row per conseiller communautaire; the président's row is kept. */
    public static RneImporter presidents() {
        return new RneImporter("rne-presidents-epci", 110,
                TableLayout.csv(';', List.of(DEPARTEMENT, SIREN, EPCI_NOM, NOM, PRENOM, SEXE, FONCTION, DEBUT_FONCTION),
                        DEPARTEMENT, SIREN, EPCI_NOM, FONCTION),
                true, fonction -> RneFiles.fold(fonction).startsWith("president"));
    }

    /** {@code elus-conseillers-municipaux}: every conseiller; the "Maire" rows are kept. */
    public static RneImporter conseillersMunicipaux() {
        return new RneImporter("rne-conseillers-municipaux", 111,
                TableLayout.csv(';', List.of(DEPARTEMENT, COMMUNE, COMMUNE_NOM, NOM, PRENOM, SEXE, FONCTION, DEBUT_FONCTION),
                        DEPARTEMENT, COMMUNE, NOM, DEBUT_FONCTION, FONCTION),
                false, fonction -> RneFiles.fold(fonction).equals("maire"));
    }

    /** {@code elus-maires}: one row per maire, no fonction column. */
    public static RneImporter maires() {
        return new RneImporter("rne-maires", 112,
                TableLayout.csv(';', List.of(DEPARTEMENT, COMMUNE, COMMUNE_NOM, NOM, PRENOM, SEXE, DEBUT_FONCTION),
                        DEPARTEMENT, COMMUNE, NOM, DEBUT_FONCTION),
                false, fonction -> true);
    }

    /**
     * The three, in the order that recognises them right: the EPCI file and the conseillers' file also
     * have every column of the maires' file, so they are tried first.
     */
    public static List<Importer> all() {
        return List.of(presidents(), conseillersMunicipaux(), maires());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public TableLayout layout() {
        return layout;
    }

    @Override
    public ImportJob newJob(Path file) {
        return new Job(RneFiles.vintage(file));
    }

    private record Candidate(long line, String collectivite, Elu elu) {
    }

    private static final Comparator<Candidate> LATEST = Comparator
            .comparing((Candidate c) -> c.elu().debutFonction(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(Candidate::line);

    private final class Job implements SinglePassJob {
        private final String vintage;
        private final Map<String, Candidate> byKey = new TreeMap<>();
        private final Set<String> departements = new HashSet<>();
        private CurrentCommunes communes;

        Job(String vintage) {
            this.vintage = vintage;
        }

        @Override
        public void validate(Row row, FileProblems problems) {
            String fonction = layout.columns().contains(FONCTION) ? row.get(FONCTION) : "Maire";
            if (!keeps.test(fonction)) {
                return;
            }
            long line = row.line();
            String departement = row.get(DEPARTEMENT).toUpperCase(java.util.Locale.ROOT);
            String key;
            boolean ok = true;
            if (presidents) {
                key = row.get(SIREN);
                if (!RneFiles.SIREN.matcher(key).matches()) {
                    problems.error(line, "imports.error.invalidCode", SIREN, key);
                    ok = false;
                }
            } else {
                key = RneFiles.communeCode(departement, row.get(COMMUNE));
                if (!RneFiles.COMMUNE.matcher(key).matches()) {
                    problems.error(line, "imports.error.invalidCode", COMMUNE, row.get(COMMUNE));
                    ok = false;
                }
            }
            for (String column : List.of(NOM, PRENOM)) {
                if (row.get(column).isEmpty()) {
                    problems.error(line, "imports.error.required", column);
                    ok = false;
                }
            }
            String sexe = row.get(SEXE).toUpperCase(java.util.Locale.ROOT);
            if (!sexe.isEmpty() && !sexe.equals("M") && !sexe.equals("F")) {
                problems.error(line, "elus.error.invalidSexe", row.get(SEXE));
                ok = false;
            }
            Optional<LocalDate> debut = RneFiles.date(row.get(DEBUT_FONCTION));
            if (debut == null) {
                problems.error(line, "elus.error.invalidDate", row.get(DEBUT_FONCTION), DEBUT_FONCTION);
                ok = false;
            }
            if (!ok) {
                return;
            }
            departements.add(departement);
            Elu elu = new Elu(row.get(NOM), row.get(PRENOM), sexe.isEmpty() ? null : sexe, fonction, debut.orElse(null),
                    RneFiles.SOURCE, vintage);
            Candidate candidate = new Candidate(line, row.orNull(presidents ? EPCI_NOM : COMMUNE_NOM), elu);
            Candidate previous = byKey.get(key);
            if (previous == null) {
                byKey.put(key, candidate);
                return;
            }
            Candidate kept = LATEST.compare(candidate, previous) > 0 ? candidate : previous;
            Candidate dropped = kept == candidate ? previous : candidate;
            byKey.put(key, kept);
            problems.reject(dropped.line(), "elus.reject.duplicate", fonction, key, kept.line());
        }

        @Override
        public void prepare(Session session, ContentTypeRegistry types) throws RepositoryException {
            if (!presidents) {
                communes = CurrentCommunes.load(session, types);
            }
        }

        /**
         * A maire named under the former code of a commune merged since: today's commune's maire, unless
         * the file names today's commune too (its own row wins; the other is listed as rejected).
         */
        private void resolveFormerCodes(ImportContext context) {
            if (communes == null) {
                return;
            }
            CurrentCommunes.Tally tally = new CurrentCommunes.Tally();
            Map<String, Candidate> resolved = new TreeMap<>();
            List<Map.Entry<String, Candidate>> moved = new ArrayList<>();
            for (Map.Entry<String, Candidate> entry : byKey.entrySet()) {
                String current = tally.resolve(communes, entry.getKey());
                if (current.equals(entry.getKey())) {
                    resolved.put(current, entry.getValue());
                } else {
                    moved.add(Map.entry(current, entry.getValue()));
                }
            }
            for (Map.Entry<String, Candidate> entry : moved) {
                Candidate previous = resolved.putIfAbsent(entry.getKey(), entry.getValue());
                if (previous != null) {
                    String former = byKey.entrySet().stream().filter(e -> e.getValue() == entry.getValue())
                            .map(Map.Entry::getKey).findFirst().orElse("?");
                    context.reject(entry.getValue().line(), "imports.formerCodes.taken", former, entry.getKey());
                }
            }
            byKey.clear();
            byKey.putAll(resolved);
            if (tally.former() > 0) {
                context.note("imports.formerCodes.kept", tally.former());
            }
            if (!tally.unknown().isEmpty()) {
                context.note("imports.formerCodes.unknown", tally.unknown().size(), tally.unknownSample());
            }
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            resolveFormerCodes(context);
            ContentTypeDefinition type = context.type("elu");
            String mandat = presidents ? EluNodes.PRESIDENT : EluNodes.MAIRE;
            for (Map.Entry<String, Candidate> entry : byKey.entrySet()) {
                String key = entry.getKey();
                Candidate candidate = entry.getValue();
                String path = presidents ? EluNodes.president(type, key) : EluNodes.maire(type, key);
                context.upsert(path, type, EluNodes.values(key, mandat, candidate.collectivite(), candidate.elu()));
            }
            if (departements.size() >= COMPLETE_MIN_DEPARTEMENTS) {
                removeAbsent(context, presidents ? EluNodes.presidents(type) : EluNodes.maires(type));
            }
        }

        /** Élus of a complete file's predecessor whose commune or EPCI it no longer lists. */
        private void removeAbsent(ImportContext context, String root) throws RepositoryException {
            if (!context.session().nodeExists(root)) {
                return;
            }
            List<Node> absent = new ArrayList<>();
            collectAbsent(context.session().getNode(root), absent);
            for (Node node : absent) {
                context.remove(node);
            }
        }

        private void collectAbsent(Node parent, List<Node> absent) throws RepositoryException {
            for (NodeIterator it = parent.getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("oc:elu")) {
                    if (!byKey.containsKey(node.getName())) {
                        absent.add(node);
                    }
                } else {
                    collectAbsent(node, absent);
                }
            }
        }
    }
}
