package fr.anct.opencollectivites.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import fr.anct.opencollectivites.imports.ImportReport;
import fr.anct.opencollectivites.imports.ImportRun;

/**
 * The platform's metrics, scraped by Prometheus at {@code /metrics}. Features record what they do
 * through the small methods below ({@link #importFinished}, {@link #harvestFinished}); anything else
 * can use {@link #registry()} directly. One instance per platform (no global registry).
 */
public final class PlatformMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();

    public PlatformMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Counts every file of an import run: {@code oc_imports_total{importer,status}} and rows by outcome. */
    public void importFinished(ImportRun run) {
        for (ImportReport report : run.reports()) {
            importFinished(report);
        }
    }

    public void importFinished(ImportReport report) {
        Counter.builder("oc.imports").description("Imported files, by importer and status")
                .tag("importer", report.importer()).tag("status", report.status().name().toLowerCase(java.util.Locale.ROOT))
                .register(registry).increment();
        rows(report.importer(), "created", report.created());
        rows(report.importer(), "updated", report.updated());
        rows(report.importer(), "unchanged", report.unchanged());
        rows(report.importer(), "rejected", report.rejected());
    }

    private void rows(String importer, String outcome, long count) {
        Counter.builder("oc.import.rows").description("Rows read by imports, by outcome")
                .tag("importer", importer).tag("outcome", outcome).register(registry).increment(count);
    }

    /**
     * For the publications harvester: one call per source harvested.
     *
     * @param source    a short, stable name of the source (its node name), never a URL with parameters
     * @param succeeded whether the feed could be read
     * @param newItems  publications created by this harvest
     */
    public void harvestFinished(String source, boolean succeeded, long newItems, Duration took) {
        Counter.builder("oc.harvests").description("Harvests of publication sources, by outcome")
                .tag("source", source).tag("outcome", succeeded ? "ok" : "failed").register(registry).increment();
        Counter.builder("oc.harvest.items").description("Publications created by harvests")
                .tag("source", source).register(registry).increment(newItems);
        Timer.builder("oc.harvest.duration").tag("source", source).register(registry).record(took);
    }

    /** Counts a run of a scheduled job on this instance ({@code oc_scheduled_runs_total{job}}). */
    public void scheduledRun(String job) {
        Counter.builder("oc.scheduled.runs").description("Scheduled job runs on this instance")
                .tag("job", job).register(registry).increment();
    }

    /** A 1/0 gauge read at each scrape, e.g. whether the repository answers. */
    public void upGauge(String name, String description, BooleanSupplier up) {
        // strong: a gauge holds its state weakly, and this supplier is referenced by nothing else
        Gauge.builder(name, up, check -> check.getAsBoolean() ? 1 : 0).description(description).strongReference(true)
                .register(registry);
    }

    @Override
    public void close() {
        for (AutoCloseable binder : binders) {
            try {
                binder.close();
            } catch (Exception e) {
                // metrics binders hold listeners only
            }
        }
        registry.close();
    }
}
