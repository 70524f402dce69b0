package fr.anct.opencollectivites.mairies;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.apache.jackrabbit.util.Text;

import fr.anct.opencollectivites.collectivites.CurrentCommunes;
import fr.anct.opencollectivites.content.ContentTypeDefinition;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.ImportJob;
import fr.anct.opencollectivites.imports.Importer;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.TableLayout;

/**
 * The mairies of the DILA's annuaire (service-public.fr), from the api-lannuaire records JSON, its JSON
 * export (an array), the data.gouv.fr dump ({@code {"service":[…]}}) or its CSV export (";"). Records
 * that are not mairies are skipped. Two passes: every record is checked before anything is written.
 * A file whose mairies cover at least {@value #COMPLETE_MIN_DEPARTEMENTS} départements is taken as the
 * national list: mairies absent from it are removed; a smaller file only adds and updates.
 */
public final class MairiesImporter implements Importer {
    static final int COMPLETE_MIN_DEPARTEMENTS = 90;

    private final String name;
    private final int order;
    private final TableLayout layout;

    private MairiesImporter(String name, int order, TableLayout layout) {
        this.name = name;
        this.order = order;
        this.layout = layout;
    }

    /** The records API's answer, the JSON export and the data.gouv.fr dump, recognised by their fields. */
    public static MairiesImporter json() {
        return new MairiesImporter("annuaire-mairies", 100,
                TableLayout.json(AnnuaireRecordParser.FIELDS, "id", "nom", "pivot"));
    }

    /** The CSV export of api-lannuaire (";"), whose first column is plage_ouverture. */
    public static MairiesImporter csv() {
        return new MairiesImporter("annuaire-mairies-csv", 101,
                TableLayout.csv(';', AnnuaireRecordParser.FIELDS, "plage_ouverture", "id", "nom", "pivot"));
    }

    /** Both forms, in the order the import service runs them. */
    public static List<Importer> all() {
        return List.of(json(), csv());
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
        return new Job();
    }

    private static final class Job implements ImportJob {
        private final AnnuaireRecordParser parser = new AnnuaireRecordParser();
        private final Map<String, Long> firstSeen = new HashMap<>();
        private final Set<String> departements = new HashSet<>();
        /** Path written for each id, to drop a mairie that moved bucket and, for a complete file, the absent ones. */
        private final Map<String, String> written = new HashMap<>();
        private final CurrentCommunes.Tally tally = new CurrentCommunes.Tally();
        private CurrentCommunes communes;

        @Override
        public void validate(Row row, FileProblems problems) {
            AnnuaireRecord record = parser.parse(row);
            if (!record.isMairie()) {
                return;
            }
            for (AnnuaireRecord.Problem problem : record.problems()) {
                if (problem.rejection()) {
                    problems.reject(row.line(), problem.key(), problem.args());
                } else {
                    problems.error(row.line(), problem.key(), problem.args());
                }
            }
            if (!record.valid()) {
                return;
            }
            Long first = firstSeen.putIfAbsent(record.mairie().id(), row.line());
            if (first != null) {
                problems.error(row.line(), "imports.error.duplicate", "id " + record.mairie().id(), first);
            }
            record.mairie().codesInsee().forEach(code -> departements.add(MairieNodes.bucket(code)));
        }

        @Override
        public void write(Row row, ImportContext context) throws RepositoryException {
            AnnuaireRecord record = parser.parse(row);
            if (!record.valid()) {
                return;
            }
            ContentTypeDefinition type = context.type("mairie");
            String path = MairieNodes.path(type, record.mairie());
            Map<String, Object> values = MairieNodes.values(record);
            if (communes != null) {
                // a mairie déléguée named by the code of a commune merged since serves today's commune too
                java.util.Set<String> codes = new java.util.LinkedHashSet<>(record.mairie().codesInsee());
                for (String code : record.mairie().codesInsee()) {
                    codes.add(tally.resolve(communes, code));
                }
                values.put("codesInsee", List.copyOf(codes));
            }
            context.upsert(path, type, values);
            written.put(record.mairie().id(), path);
        }

        @Override
        public void prepare(Session session, ContentTypeRegistry types) throws RepositoryException {
            communes = CurrentCommunes.load(session, types);
        }

        @Override
        public void complete(ImportContext context) throws RepositoryException {
            if (tally.former() > 0) {
                context.note("imports.formerCodes.kept", tally.former());
            }
            if (!tally.unknown().isEmpty()) {
                context.note("imports.formerCodes.unknown", tally.unknown().size(), tally.unknownSample());
            }
            String root = MairieNodes.root(context.type("mairie"));
            if (!context.session().nodeExists(root)) {
                return;
            }
            boolean complete = departements.size() >= COMPLETE_MIN_DEPARTEMENTS;
            List<Node> stale = new ArrayList<>();
            for (NodeIterator buckets = context.session().getNode(root).getNodes(); buckets.hasNext(); ) {
                for (NodeIterator it = buckets.nextNode().getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    String path = written.get(Text.unescapeIllegalJcrChars(node.getName()));
                    if (path == null ? complete : !path.equals(node.getPath())) {
                        stale.add(node);
                    }
                }
            }
            for (Node node : stale) {
                context.remove(node);
            }
        }
    }
}
