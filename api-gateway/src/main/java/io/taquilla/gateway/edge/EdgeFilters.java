package io.taquilla.gateway.edge;

import io.taquilla.gateway.ratelimit.RateLimitFilter;
import io.taquilla.gateway.ratelimit.RateLimitProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet filters in front of the routes, in this order: correlation id (so every later log
 * line and error carries it), CORS (so even a 429 is readable by the purchase site), rate limit.
 */
@Configuration(proxyBeanMethods = false)
class EdgeFilters {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilter(EdgeProperties edge) {
        CorsConfiguration purchaseSite = new CorsConfiguration();
        purchaseSite.setAllowedOrigins(edge.allowedOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList());
        purchaseSite.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        purchaseSite.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT, "Idempotency-Key", CorrelationIdFilter.HEADER));
        purchaseSite.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        // Bearer tokens travel in a header, never in cookies.
        purchaseSite.setAllowCredentials(false);
        purchaseSite.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", purchaseSite);
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(new CorsFilter(source));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties limits, JsonMapper json, MeterRegistry meters) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limits, json, meters));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
