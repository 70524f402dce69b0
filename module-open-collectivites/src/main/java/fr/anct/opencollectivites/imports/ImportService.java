package fr.anct.opencollectivites.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.anct.opencollectivites.content.ContentTypeRegistry;
import fr.anct.opencollectivites.content.ContentValidationException;
import fr.anct.opencollectivites.i18n.Messages;
import fr.anct.opencollectivites.repository.OakRepository;
import fr.anct.opencollectivites.repository.ReferentielRevision;
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

    /** @param importers the importers the composition root registers ({@code module.Importers.standard()}) */
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
        return recognition(file).importer();
    }

    private FileRecognizer.Recognition recognition(Path file) {
        try {
            return recognizer.recognise(file);
        } catch (IOException e) {
            LOG.debug("Cannot read {} to recognise it: {}", file, e.toString());
            return FileRecognizer.Recognition.not("imports.unrecognised.unreadable");
        }
    }

    /** Imports a file, or every file under a directory, in dependency order. */
    public ImportRun importPath(Path fileOrDirectory, ProgressListener progress) {
        return importPath(fileOrDirectory, progress, ImportOptions.DEFAULT);
    }

    /**
     * Imports a file, or every file under a directory, in dependency order. A file named alone that no
     * importer recognises fails (with why); in a directory it is listed as not recognised. A
     * {@code .gz} file is read decompressed.
     */
    public ImportRun importPath(Path fileOrDirectory, ProgressListener progress, ImportOptions options) {
        Instant started = Instant.now();
        boolean single = !Files.isDirectory(fileOrDirectory);
        List<Path> unrecognised = new ArrayList<>();
        Map<Path, String> reasons = new LinkedHashMap<>();
        List<ImportReport> reports = new ArrayList<>();
        List<InputFile> work = new ArrayList<>();
        try {
            for (Path file : files(fileOrDirectory)) {
                InputFile input;
                try {
                    input = InputFile.open(file);
                } catch (InputFile.UnreadableException e) {
                    reject(file, single, messages.get(e.reasonKey()), reports, unrecognised, reasons);
                    continue;
                }
                FileRecognizer.Recognition recognition = recognition(input.readable());
                if (recognition.importer().isPresent()) {
                    input.importer = recognition.importer().get();
                    work.add(input);
                } else {
                    input.close();
                    reject(file, single, messages.get(recognition.reasonKey(), recognition.reasonArgs().toArray()),
                            reports, unrecognised, reasons);
                }
            }
            work.sort(Comparator.<InputFile>comparingInt(e -> e.importer.order())
                    .thenComparing(e -> e.original().toString()));
            for (InputFile input : work) {
                reports.add(run(input, input.importer, progress, options));
            }
        } finally {
            work.forEach(InputFile::close);
        }
        ImportRun run = new ImportRun(started, Duration.between(started, Instant.now()), reports, unrecognised,
                reasons, options.force());
        record(run);
        return run;
    }

    private void reject(Path file, boolean single, String reason, List<ImportReport> reports, List<Path> unrecognised,
                        Map<Path, String> reasons) {
        if (single) {
            reports.add(new ImportReport(file, null, ImportStatus.FAILED, 0, 0, 0, 0, 0, 0, 1,
                    List.of(new Rejection(file.getFileName().toString(), 0, reason)), Duration.ZERO, false,
                    List.of(), null, null));
        } else {
            unrecognised.add(file);
            reasons.put(file, reason);
        }
    }

    /** Imports one file with the named importer, whatever its content looks like. */
    public ImportReport importFile(Path file, String importerName, ProgressListener progress) {
        return importFile(file, importerName, progress, ImportOptions.DEFAULT);
    }

    public ImportReport importFile(Path file, String importerName, ProgressListener progress, ImportOptions options) {
        Importer importer = importer(importerName)
                .orElseThrow(() -> new IllegalArgumentException("Unknown importer: " + importerName));
        Instant started = Instant.now();
        ImportReport report;
        try (InputFile input = InputFile.open(file)) {
            report = run(input, importer, progress, options);
        } catch (InputFile.UnreadableException e) {
            report = new ImportReport(file, importer.name(), ImportStatus.FAILED, 0, 0, 0, 0, 0, 0, 1,
                    List.of(new Rejection(file.getFileName().toString(), 0, messages.get(e.reasonKey()))),
                    Duration.ZERO, false, List.of(), null, null);
        }
        record(new ImportRun(started, Duration.between(started, Instant.now()), List.of(report), List.of(), Map.of(),
                options.force()));
        return report;
    }

    /** The référentiel's vintage by importer name ({@code cog-communes = 2026}…). */
    public Map<String, Long> vintages() {
        return repository.withSystemSession(Vintages::all);
    }

    /** The files under a directory, sorted; a folder or file that cannot be read is listed too, to be reported. */
    private static List<Path> files(Path fileOrDirectory) {
        if (!Files.isDirectory(fileOrDirectory)) {
            return List.of(fileOrDirectory);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(fileOrDirectory, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        files.add(file);
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    files.add(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            files.add(fileOrDirectory);
        }
        files.sort(Comparator.naturalOrder());
        return files;
    }

    private ImportReport run(InputFile input, Importer importer, ProgressListener progress, ImportOptions options) {
        Instant started = Instant.now();
        Path file = input.readable();
        Path original = input.original();
        FileProblems problems = new FileProblems(messages, original.getFileName().toString());
        ImportJob job = importer.newJob(file);
        long[] read = {0};
        progress.start(original, totalUnits(file, importer, job));
        try {
            repository.withSystemSession(session -> {
                job.prepare(session, types);
                return null;
            });
            Tables.read(file, importer.layout(), problems, progress, row -> {
                read[0]++;
                job.validate(row, problems);
            });
            if (!problems.hasErrors()) {
                job.validated(problems);
            }
            if (problems.hasErrors()) {
                return failed(original, importer, read[0], problems, started);
            }
            LOG.debug("{}: pass 1 in {} ms", original.getFileName(), Duration.between(started, Instant.now()).toMillis());
            VintageCheck vintage = repository.withSystemSession(session -> checkVintage(session, importer, job));
            if (vintage.older() && !options.force()) {
                problems.error(0, "imports.error.olderVintage", messages.get("imports.importer." + importer.name()),
                        vintage.file().year(), messages.get("imports.vintage.source." + vintage.file().source()),
                        vintage.stored());
                ImportReport refused = failed(original, importer, read[0], problems, started);
                return new ImportReport(refused.file(), refused.importer(), refused.status(), refused.read(), 0, 0, 0, 0, 0,
                        refused.rejected(), refused.rejections(), refused.duration(), false, List.of(),
                        vintage.file().year(), null);
            }
            return write(input, importer, job, problems, read[0], progress, started, options, vintage);
        } catch (IOException | RepositoryException | RuntimeException e) {
            LOG.warn("Import of {} failed: {}", original, e.toString());
            LOG.debug("Import of {} failed", original, e);
            problems.error(0, "imports.error.unreadable", ReadFailures.describe(messages, e));
            return failed(original, importer, read[0], problems, started);
        } finally {
            job.close();
            progress.finish();
        }
    }

    /** The file's vintage against the référentiel's: {@code older} when it would roll it back. */
    private record VintageCheck(Vintage file, Long stored) {
        static final VintageCheck NONE = new VintageCheck(null, null);

        boolean older() {
            return file != null && stored != null && file.olderThan(stored);
        }

        /** The vintage the référentiel holds after this file: never lowered, except when forced. */
        Long after(boolean forced) {
            if (file == null) {
                return null;
            }
            if (stored == null || file.year() > stored || (forced && older())) {
                return file.year();
            }
            return null;
        }
    }

    private static VintageCheck checkVintage(Session session, Importer importer, ImportJob job) throws RepositoryException {
        Optional<Vintage> vintage = job.vintage(session);
        if (vintage.isEmpty()) {
            return VintageCheck.NONE;
        }
        return new VintageCheck(vintage.get(), Vintages.stored(session, importer.name()).orElse(null));
    }

    private ImportReport write(InputFile input, Importer importer, ImportJob job, FileProblems problems, long read,
                               ProgressListener progress, Instant started, ImportOptions options, VintageCheck vintage)
            throws IOException {
        Path file = input.readable();
        Path original = input.original();
        Session session = repository.loginSystem();
        ImportContext context = new ImportContext(session, types, problems, options, batchSize(), progress);
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
                return failed(original, importer, read, problems, started);
            }
            boolean contentChanged = session.hasPendingChanges() || context.savedBatch();
            Long newVintage = vintage.after(options.force());
            if (newVintage != null) {
                Vintages.store(session, importer.name(), newVintage);
            }
            if (contentChanged) {
                ReferentielRevision.renew(session);
            }
            boolean pending = session.hasPendingChanges();
            boolean saved = contentChanged;
            Instant saving = Instant.now();
            if (pending) {
                progress.saving();
                session.save();
            }
            LOG.debug("{}: written, saved in {} ms", original.getFileName(), Duration.between(saving, Instant.now()).toMillis());
            List<String> notes = new ArrayList<>(context.notes());
            Long forcedOver = vintage.older() ? vintage.stored() : null;
            if (forcedOver != null) {
                notes.add(messages.get("imports.vintage.forced", vintage.file().year(), forcedOver));
            }
            ImportReport report = new ImportReport(original, importer.name(), ImportStatus.OK, read, context.created(),
                    context.updated(), context.unchanged(), context.removed(), context.retired(),
                    problems.rejections().size(), problems.rejections(), Duration.between(started, Instant.now()), saved,
                    notes, vintage.file() == null ? null : vintage.file().year(), forcedOver);
            LOG.info("{}: {} read, {} created, {} updated, {} unchanged, {} removed, {} retired, {} rejected in {} ms",
                    original.getFileName(), read, report.created(), report.updated(), report.unchanged(),
                    report.removed(), report.retired(), report.rejected(), report.duration().toMillis());
            return report;
        } catch (ContentValidationException e) {
            discard(session);
            problems.error(context.line(), "imports.error.invalidValues", describe(e));
            reportSavedBatches(context, problems);
            return failed(original, importer, read, problems, started);
        } catch (RepositoryException | RuntimeException e) {
            discard(session);
            LOG.warn("Import of {} failed while writing: {}", original, e.toString());
            LOG.debug("Import of {} failed while writing", original, e);
            problems.error(context.line(), "imports.error.write", ReadFailures.describe(messages, e));
            reportSavedBatches(context, problems);
            return failed(original, importer, read, problems, started);
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
        return new ImportReport(file, importer.name(), ImportStatus.FAILED, read, 0, 0, 0, 0, 0,
                problems.errors().size(), all, Duration.between(started, Instant.now()), false, List.of(), null, null);
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
