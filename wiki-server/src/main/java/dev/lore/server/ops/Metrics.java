package dev.lore.server.ops;

import dev.lore.graph.TransactionTimer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Lore's metrics, in one Micrometer registry scraped as Prometheus text at {@code /metrics}:
 * HTTP requests per route template, Neo4j transaction times, JVM and process figures, and gauges
 * that other parts register (index lag, background queues, upload slots). Thread-safe.
 */
public final class Metrics implements AutoCloseable {
    /** The suppliers of gauges and function counters, kept here since Micrometer holds them weakly. */
    private final java.util.List<Object> held = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Buckets for latency histograms, so Prometheus can estimate percentiles per route. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2_500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<TransactionTimer.Kind, Timer> transactions = new EnumMap<>(TransactionTimer.Kind.class);
    private final Map<TransactionTimer.Kind, Timer> failedTransactions = new EnumMap<>(TransactionTimer.Kind.class);

    public Metrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        for (TransactionTimer.Kind kind : TransactionTimer.Kind.values()) {
            transactions.put(kind, transactionTimer(kind, "ok"));
            failedTransactions.put(kind, transactionTimer(kind, "error"));
        }
    }

    private Timer transactionTimer(TransactionTimer.Kind kind, String outcome) {
        return Timer.builder("lore.neo4j.transactions")
                .description("Neo4j transactions, from session to commit (retries included)")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** Times the graph's transactions ({@code lore_neo4j_transactions_seconds}). */
    public TransactionTimer transactionTimer() {
        return (kind, nanos, failed) ->
                (failed ? failedTransactions : transactions).get(kind).record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Records one answered HTTP request ({@code lore_http_requests_seconds}).
     *
     * @param route the route template ({@code /articles/{slug}}), never the raw path
     */
    public void request(String method, String route, int status, long nanos) {
        Timer.builder("lore.http.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * A figure read when scraped. This object keeps {@code value} (often a method reference or
     * lambda nothing else holds): Micrometer holds it weakly, so it was collected and the gauge
     * read NaN for good.
     */
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        held.add(value);
        Gauge.builder(name, value, DoubleSupplier::getAsDouble)
                .description(description)
                .tags(tags)
                .register(registry);
    }

    /** A count that only grows, read when scraped (kept strongly, as a gauge's figure is). */
    public void counter(String name, String description, LongSupplier value, String... tags) {
        held.add(value);
        FunctionCounter.builder(name, value, v -> v.getAsLong())
                .description(description)
                .tags(tags)
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
