package io.taquilla.catalog;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the catalog's features share. */
@Configuration
class CatalogConfiguration {

    /**
     * Use cases take the time from here rather than from {@code Instant.now()}. It ticks in
     * microseconds, PostgreSQL's precision, so a timestamp reads back exactly as it was written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
