package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.collectivites.ReferentielImporters;
import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.elus.RneImporter;
import fr.anct.opencollectivites.finances.OfglImporter;
import fr.anct.opencollectivites.mairies.MairiesImporter;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.RepositoryMode;

/**
 * Imports national files into the repository: recognises each file by its content, runs the files in
 * dependency order, and imports each one all-or-nothing (validate every row, then write and save once).
 * Every run is recorded under {@code /oc:system/imports}.
 */
public final class ImportService {
    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);

    private final OakRepository repository;
    private final ContentTypeRegistry types;
    private final Messages messages;
    private final List<Importer> importers;
    private final FileRecognizer recognizer;
    private final ImportHistory history = new ImportHistory();

    /** With every known importer: the référentiel (COG, populations, EPCI, BANATIC), OFGL finances, mairies, élus. */
    public ImportService(OakRepository repository, ContentTypeRegistry types, Messages messages) {
        this(repository, types, messages, defaultImporters());
    }

    public static List<Importer> defaultImporters() {
        List<Importer> all = new ArrayList<>(ReferentielImporters.all());
        all.addAll(OfglImporter.all());
        all.addAll(MairiesImporter.all());
        all.addAll(RneImporter.all());
        return all;
    }

    public ImportService(OakRepository repository, ContentTypeRegistry types, Messages messages,
                         List<Importer> importers) {
        this.repository = repository;
        this.types = types;
        this.messages = messages;
        this.importers = importers.stream().sorted(Comparator.comparingInt(Importer::order)).toList();
        this.recognizer = new FileRecognizer(this.importers);
    }

    public List<Importer> importers() {
        return importers;
    }

    public Optional<Importer> importer(String name) {
        return importers.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    /** The importer that recognises this file's content, if any. */
    public Optional<Importer> recognise(Path file) {
        try {
            return recognizer.recognise(file);
        } catch (IOException e) {
            LOG.warn("Cannot read {} to recognise it: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Imports a file, or every file under a directory, in dependency order. */
    public ImportRun importPath(Path fileOrDirectory, ProgressListener progress) {
        Instant started = Instant.now();
        List<Path> unrecognised = new ArrayList<>();
        List<Map.Entry<Importer, Path>> work = new ArrayList<>();
        for (Path file : files(fileOrDirectory)) {
            recognise(file).ifPresentOrElse(importer -> work.add(Map.entry(importer, file)),
                    () -> unrecognised.add(file));
        }
        work.sort(Comparator.<Map.Entry<Importer, Path>>comparingInt(e -> e.getKey().order())
                .thenComparing(e -> e.getValue().toString()));
        List<ImportReport> reports = new ArrayList<>();
        for (Map.Entry<Importer, Path> entry : work) {
            reports.add(run(entry.getValue(), entry.getKey(), progress));
        }
        ImportRun run = new ImportRun(started, Duration.between(started, Instant.now()), reports, unrecognised);
        record(run);
        return run;
    }

    /** Imports one file with the named importer, whatever its content looks like. */
    public ImportReport importFile(Path file, String importerName, ProgressListener progress) {
        Importer importer = importer(importerName)
                .orElseThrow(() -> new IllegalArgumentException("Unknown importer: " + importerName));
        Instant started = Instant.now();
        ImportReport report = run(file, importer, progress);
        record(new ImportRun(started, Duration.between(started, Instant.now()), List.of(report), List.of()));
        return report;
    }

    private static List<Path> files(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + fileOrDirectory + ": " + e.getMessage(), e);
        }
    }

    private ImportReport run(Path file, Importer importer, ProgressListener progress) {
        Instant started = Instant.now();
        FileProblems problems = new FileProblems(messages, file.getFileName().toString());
        ImportJob job = importer.newJob(file);
        long[] read = {0};
        progress.start(file, totalUnits(file, importer, job));
        try {
            Tables.read(file, importer.layout(), problems, progress, row -> {
                read[0]++;
                job.validate(row, problems);
            });
            if (!problems.hasErrors()) {
                job.validated(problems);
            }
            if (problems.hasErrors()) {
                return failed(file, importer, read[0], problems, started);
            }
            LOG.debug("{}: pass 1 in {} ms", file.getFileName(), Duration.between(started, Instant.now()).toMillis());
            return write(file, importer, job, problems, read[0], progress, started);
        } catch (IOException | RepositoryException | RuntimeException e) {
            LOG.error("Import of {} failed", file, e);
            problems.error(0, "imports.error.unreadable", String.valueOf(e.getMessage()));
            return failed(file, importer, read[0], problems, started);
        } finally {
            job.close();
            progress.finish();
        }
    }

    private ImportReport write(Path file, Importer importer, ImportJob job, FileProblems problems, long read,
                               ProgressListener progress, Instant started) throws IOException {
        Session session = repository.loginSystem();
        ImportContext context = new ImportContext(session, types, problems, batchSize(), progress);
        try {
            if (job.readsTwice()) {
                Tables.read(file, importer.layout(), problems, progress, row -> {
                    if (!problems.isRejected(row.line())) {
                        context.atLine(row.line());
                        job.write(row, context);
                    }
                });
            }
            context.atLine(0);
            job.complete(context);
            if (problems.hasErrors()) {
                // the file changed between the two passes
                session.refresh(false);
                return failed(file, importer, read, problems, started);
            }
            boolean pending = session.hasPendingChanges();
            boolean saved = pending || context.savedBatch();
            Instant saving = Instant.now();
            if (pending) {
                progress.saving();
                session.save();
            }
            LOG.debug("{}: written, saved in {} ms", file.getFileName(), Duration.between(saving, Instant.now()).toMillis());
            ImportReport report = new ImportReport(file, importer.name(), ImportStatus.OK, read, context.created(),
                    context.updated(), context.unchanged(), context.removed(), problems.rejections().size(),
                    problems.rejections(), Duration.between(started, Instant.now()), saved);
            LOG.info("{}: {} read, {} created, {} updated, {} unchanged, {} removed, {} rejected in {} ms",
                    file.getFileName(), read, report.created(), report.updated(), report.unchanged(),
                    report.removed(), report.rejected(), report.duration().toMillis());
            return report;
        } catch (ContentValidationException e) {
            discard(session);
            problems.error(context.line(), "imports.error.invalidValues", describe(e));
            reportSavedBatches(context, problems);
            return failed(file, importer, read, problems, started);
        } catch (RepositoryException | RuntimeException e) {
            discard(session);
            LOG.error("Import of {} failed while writing", file, e);
            problems.error(context.line(), "imports.error.write", String.valueOf(e.getMessage()));
            reportSavedBatches(context, problems);
            return failed(file, importer, read, problems, started);
        } finally {
            session.logout();
        }
    }

    /**
     * Nodes written per save on a document store (PostgreSQL); 0 on the embedded store, where a file is
     * saved once. A commune and its index entries are a few dozen changes: a batch stays well under the
     * document store's branch limit (update.limit, 100,000 changes), so a save is one plain commit.
     */
    static final int DOCUMENT_STORE_BATCH = 1_000;

    private int documentStoreBatch = DOCUMENT_STORE_BATCH;

    /** Another batch size on a document store (tests: a few hundred rows make several batches). */
    ImportService withDocumentStoreBatch(int nodes) {
        this.documentStoreBatch = nodes;
        return this;
    }

    private int batchSize() {
        return repository.mode() == RepositoryMode.POSTGRESQL ? documentStoreBatch : 0;
    }

    /** A failure after some batches were saved: says so, and that running the import again completes it. */
    private static void reportSavedBatches(ImportContext context, FileProblems problems) {
        if (context.savedWrites() > 0) {
            problems.error(context.line(), "imports.error.partlySaved", context.savedWrites());
        }
    }

    /** The violations in French: "population : La valeur n'est pas du type attendu (LONG)." */
    private String describe(ContentValidationException e) {
        return e.violations().stream()
                .map(v -> v.field() + " : " + messages.get(v.key(), v.args().toArray()))
                .collect(java.util.stream.Collectors.joining(" ; "));
    }

    private static void discard(Session session) {
        try {
            session.refresh(false);
        } catch (RepositoryException e) {
            LOG.warn("Cannot discard pending changes: {}", e.getMessage());
        }
    }

    private static ImportReport failed(Path file, Importer importer, long read, FileProblems problems, Instant started) {
        List<Rejection> all = new ArrayList<>(problems.errors());
        all.addAll(problems.rejections());
        return new ImportReport(file, importer.name(), ImportStatus.FAILED, read, 0, 0, 0, 0,
                problems.errors().size(), all, Duration.between(started, Instant.now()), false);
    }

    /** Bytes of every pass over a CSV file; unknown (rows are counted) for a workbook. */
    private static long totalUnits(Path file, Importer importer, ImportJob job) {
        if (importer.layout().format() == TableLayout.Format.XLSX) {
            return -1;
        }
        try {
            return (job.readsTwice() ? 2 : 1) * Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private void record(ImportRun run) {
        try {
            repository.withSystemSession(session -> {
                history.record(session, run);
                session.save();
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the import run in the history: {}", e.getMessage(), e);
        }
    }
}
