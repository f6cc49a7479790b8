package io.taquilla.catalog;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the catalog's features share. */
@Configuration
class CatalogConfiguration {

    /** Use cases take the time from here rather than from {@code Instant.now()}, so tests could pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
