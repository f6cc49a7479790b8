package io.taquilla.catalog.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counters of catalog transitions, counted once per real change (not per idempotent repeat). */
@Component
public class CatalogMetrics {

    private final Counter published;
    private final Counter updated;
    private final Counter cancelled;

    public CatalogMetrics(MeterRegistry meters) {
        published = Counter.builder("taquilla.catalog.events.published")
                .description("Events that went public").register(meters);
        updated = Counter.builder("taquilla.catalog.events.updated")
                .description("Changes to published events").register(meters);
        cancelled = Counter.builder("taquilla.catalog.events.cancelled")
                .description("Events cancelled").register(meters);
    }

    void published() {
        published.increment();
    }

    void updated() {
        updated.increment();
    }

    void cancelled() {
        cancelled.increment();
    }
}
