package dev.envplane.operations;

import java.util.Set;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.vertx.VertxOptionsCustomizer;
import io.vertx.core.VertxOptions;

/**
 * The Vert.x PostgreSQL client creates its client metrics once per connection, and each registers the gauges
 * {@code postgresql.queue.size} and {@code postgresql.current} again in Micrometer's global registry: it keeps the
 * first connection's (so the gauges describe one connection, not the pool) and warns. The per-connection gauges are
 * left out; the timers and counters of the same family add up across connections and stay.
 *
 * <p>Quarkus applies {@code MeterFilter} beans to the registries it creates, not to the global registry these meters
 * go through, so the filter is installed there, when Vert.x is configured: before the first connection.
 */
@Singleton
public class SqlClientMetrics implements VertxOptionsCustomizer {

    private static final Set<String> PER_CONNECTION_GAUGES = Set.of("postgresql.queue.size", "postgresql.current");
    private static final MeterFilter WITHOUT_PER_CONNECTION_GAUGES = MeterFilter.deny(id -> PER_CONNECTION_GAUGES.contains(id.getName()));

    /** Which global registry has the filter: it can outlive a dev-mode reload (it lives in a library class loader). */
    private static final String INSTALLED_IN = "envplane.metrics.sql-gauge-filter";

    @Override
    public void accept(VertxOptions options) {
        String registry = String.valueOf(System.identityHashCode(Metrics.globalRegistry));
        if (!registry.equals(System.getProperty(INSTALLED_IN))) {
            System.setProperty(INSTALLED_IN, registry);
            Metrics.globalRegistry.config().meterFilter(WITHOUT_PER_CONNECTION_GAUGES);
        }
    }
}
