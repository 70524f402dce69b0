package fr.anct.opencollectivites.finances;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.collectivites.CurrentCommunes;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.imports.FileProblems;
import fr.anct.opencollectivites.imports.ImportContext;
import fr.anct.opencollectivites.imports.Row;
import fr.anct.opencollectivites.imports.SinglePassJob;

/**
 * The import of one OFGL base, in three steps that keep the heap flat whatever the file's size:
 * <ol>
 * <li>reading (pass 1) validates each row and spills the kept columns to a sorted temporary store
 *     ({@link SortedSpill}); a malformed row is an error with its line and nothing is written;</li>
 * <li>{@link #validated} reads the sorted lines once to find duplicates (the same budget twice for
 *     one collectivité, exercice and agrégat), still before anything is written;</li>
 * <li>{@link #complete} reads them again, one collectivité at a time, merges them into its stored
 *     series and writes it whole; the session is saved every {@code valuesPerSave} values, always
 *     between two collectivités, so a reader never sees half a series.</li>
 * </ol>
 */
final class OfglJob implements SinglePassJob {
    static final int RUN_SIZE = 100_000;
    static final int VALUES_PER_SAVE = 100_000;
    /** The OFGL publishes about a hundred agrégats; a file with far more is not an OFGL base. */
    static final int MAX_AGREGATS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(OfglJob.class);
    private static final Pattern EXERCICE = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d{1,3})?");
    private static final Pattern POPULATION = Pattern.compile("\\d{1,12}");
    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d{2})(?!\\d)");
    private static final Map<FinanceLevel, Pattern> CODES = Map.of(
            FinanceLevel.COMMUNE, Pattern.compile("(\\d{2}|2[AB])\\d{3}"),
            FinanceLevel.EPCI, Pattern.compile("\\d{9}"),
            // the OFGL lists collectivités with a département's powers too (Métropole de Lyon, CTU…)
            FinanceLevel.DEPARTEMENT, Pattern.compile("[0-9][0-9AB][0-9A-Z]?"),
            FinanceLevel.REGION, Pattern.compile("\\d{2}"));

    private final FinanceLevel level;
    private final String codeColumn;
    private final String nomColumn;
    private final int valuesPerSave;
    private final SortedSpill spill;
    private final Map<String, Integer> agregatIndex = new HashMap<>();
    private final List<String> agregats = new ArrayList<>();
    private Long millesime;
    private boolean millesimeRead;
    /** Communes only: today's commune of a former code (a base in an older geography than the COG). */
    private CurrentCommunes communes;
    private final CurrentCommunes.Tally tally = new CurrentCommunes.Tally();

    OfglJob(FinanceLevel level, String codeColumn, String nomColumn, int runSize, int valuesPerSave) {
        this.level = level;
        this.codeColumn = codeColumn;
        this.nomColumn = nomColumn;
        this.valuesPerSave = valuesPerSave;
        this.spill = new SortedSpill(runSize);
    }

    @Override
    public void prepare(Session session, ContentTypeRegistry types) throws RepositoryException {
        if (level == FinanceLevel.COMMUNE) {
            communes = CurrentCommunes.load(session, types);
        }
    }

    @Override
    public void validate(Row row, FileProblems problems) {
        if (!millesimeRead) {
            millesime = year(row.headerOf(codeColumn)).orElse(null);
            millesimeRead = true;
        }
        boolean valid = true;
        String exercice = row.get(OfglImporter.EXERCICE);
        if (!EXERCICE.matcher(exercice).matches()) {
            problems.error(row.line(), "imports.error.invalidValue", OfglImporter.EXERCICE, exercice);
            valid = false;
        }
        String code = row.get(codeColumn);
        if (!CODES.get(level).matcher(code).matches()) {
            problems.error(row.line(), "imports.error.invalidCode", row.headerOf(codeColumn), code);
            valid = false;
        }
        String categorie = row.get(OfglImporter.CATEGORIE);
        if (level.isBelow(categorie)) {
            problems.error(row.line(), "finances.error.otherLevel", categorie, level.folder());
            valid = false;
        }
        String agregat = row.get(OfglImporter.AGREGAT);
        if (agregat.isEmpty()) {
            problems.error(row.line(), "imports.error.required", OfglImporter.AGREGAT);
            valid = false;
        }
        String montant = row.get(OfglImporter.MONTANT);
        if (montant.isEmpty()) {
            problems.error(row.line(), "imports.error.required", OfglImporter.MONTANT);
            valid = false;
        } else if (!DECIMAL.matcher(montant).matches()) {
            problems.error(row.line(), "imports.error.invalidValue", OfglImporter.MONTANT, montant);
            valid = false;
        }
        String euroParHabitant = row.get(OfglImporter.EURO_PAR_HABITANT);
        if (!euroParHabitant.isEmpty() && !DECIMAL.matcher(euroParHabitant).matches()) {
            problems.error(row.line(), "imports.error.invalidValue", OfglImporter.EURO_PAR_HABITANT, euroParHabitant);
            valid = false;
        }
        String population = row.get(OfglImporter.POPULATION);
        if (!population.isEmpty() && !POPULATION.matcher(population).matches()) {
            problems.error(row.line(), "imports.error.invalidValue", OfglImporter.POPULATION, population);
            valid = false;
        }
        if (!valid || problems.hasErrors()) {
            return;
        }
        Integer agregatId = agregatIndex.get(agregat);
        if (agregatId == null) {
            if (agregats.size() >= MAX_AGREGATS) {
                problems.error(row.line(), "finances.error.tooManyAgregats", MAX_AGREGATS);
                return;
            }
            agregatId = agregats.size();
            agregats.add(agregat);
            agregatIndex.put(agregat, agregatId);
        }
        String nom = row.get(nomColumn);
        if (communes != null) {
            String current = tally.resolve(communes, code);
            if (!current.equals(code)) {
                // merged since the base's geography: summed into today's commune, whose name the series keeps
                code = current;
                nom = "";
            }
        }
        spill.add(new OfglLine(code, nom, Integer.parseInt(exercice), agregatId,
                row.get(OfglImporter.BUDGET), montant, euroParHabitant,
                population.isEmpty() ? OfglLine.NO_POPULATION : Long.parseLong(population), row.line()));
    }

    private static Optional<Long> year(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = YEAR.matcher(header);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    /** The same budget twice for one collectivité, exercice and agrégat would be counted twice: an error. */
    @Override
    public void validated(FileProblems problems) {
        OfglLine[] previous = {null};
        long[] collectivites = {0};
        spill.forEachSorted(line -> {
            OfglLine before = previous[0];
            if (before == null || !before.code().equals(line.code())) {
                collectivites[0]++;
            } else if (before.sameValueKey(line) && before.budget().equals(line.budget())) {
                problems.error(line.line(), "finances.error.duplicate", line.code(), line.exercice(),
                        agregats.get(line.agregat()), before.line());
            }
            previous[0] = line;
        });
        LOG.info("OFGL {}: {} rows for {} collectivités, {} agrégats; writing", level.folder(), spill.size(),
                collectivites[0], agregats.size());
    }

    @Override
    public void complete(ImportContext context) throws RepositoryException {
        SeriesWriter writer = new SeriesWriter(context, level, millesime);
        Collector collector = new Collector(writer);
        try {
            spill.forEachSorted(collector::accept);
        } catch (UncheckedRepositoryException e) {
            throw e.getCause();
        }
        collector.finish();
        if (tally.former() > 0) {
            context.note("imports.formerCodes.summed", tally.former());
        }
        if (!tally.unknown().isEmpty()) {
            context.note("imports.formerCodes.unknown", tally.unknown().size(), tally.unknownSample());
        }
    }

    @Override
    public void close() {
        spill.close();
    }

    /** Groups the sorted lines into values (summing budgets) and values into one series per collectivité. */
    private final class Collector {
        private final SeriesWriter writer;
        private String code;
        private String nom;
        private final List<FinanceValue> values = new ArrayList<>();
        private final List<OfglLine> sameValue = new ArrayList<>();
        private long valuesSinceSave;
        private long series;

        Collector(SeriesWriter writer) {
            this.writer = writer;
        }

        void accept(OfglLine line) {
            if (!sameValue.isEmpty() && !sameValue.get(0).sameValueKey(line)) {
                values.add(value(sameValue));
                sameValue.clear();
            }
            if (code != null && !code.equals(line.code())) {
                flushSeries();
            }
            if (code == null || !code.equals(line.code())) {
                nom = "";
            }
            code = line.code();
            if (!line.nom().isEmpty()) {
                nom = line.nom();
            }
            sameValue.add(line);
        }

        void finish() throws RepositoryException {
            try {
                if (!sameValue.isEmpty()) {
                    values.add(value(sameValue));
                    sameValue.clear();
                }
                if (code != null) {
                    flushSeries();
                }
            } catch (UncheckedRepositoryException e) {
                throw e.getCause();
            }
        }

        private void flushSeries() {
            try {
                writer.write(code, nom, values);
                valuesSinceSave += values.size();
                if (valuesSinceSave >= valuesPerSave) {
                    writer.saveBatch();
                    valuesSinceSave = 0;
                }
            } catch (RepositoryException e) {
                throw new UncheckedRepositoryException(e);
            }
            if (++series % 5000 == 0) {
                LOG.info("OFGL {}: {} series written", level.folder(), series);
            }
            values.clear();
        }

        /**
         * One value from the lines of one collectivité, exercice and agrégat: usually one line; several
         * when the collectivité of today had several predecessors that exercice (a current EPCI or
         * commune nouvelle from a merger). The series is then on today's perimeter: amounts and
         * populations are summed and the amount per inhabitant is recomputed from the sums.
         */
        private FinanceValue value(List<OfglLine> lines) {
            OfglLine first = lines.get(0);
            String agregat = agregats.get(first.agregat());
            if (lines.size() == 1) {
                return new FinanceValue(first.exercice(), agregat, new BigDecimal(first.montant()),
                        first.euroParHabitant().isEmpty() ? null : new BigDecimal(first.euroParHabitant()),
                        first.population() == OfglLine.NO_POPULATION ? null : first.population());
            }
            BigDecimal montant = BigDecimal.ZERO;
            Long population = 0L;
            for (OfglLine line : lines) {
                montant = montant.add(new BigDecimal(line.montant()));
                population = population == null || line.population() == OfglLine.NO_POPULATION ? null
                        : population + line.population();
            }
            BigDecimal perInhabitant = population == null || population == 0 ? null
                    : montant.divide(BigDecimal.valueOf(population), MathContext.DECIMAL64);
            return new FinanceValue(first.exercice(), agregat, montant, perInhabitant, population);
        }
    }

    /** Carries a repository failure out of the sorted reading's callback. */
    private static final class UncheckedRepositoryException extends RuntimeException {
        UncheckedRepositoryException(RepositoryException cause) {
            super(cause);
        }

        @Override
        public synchronized RepositoryException getCause() {
            return (RepositoryException) super.getCause();
        }
    }
}
