package io.taquilla.scanner.config;

import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.web.security.AuthorizationRules;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what: door devices (role {@code door}) scan, download bundles and upload offline
 * scans; the check-in board is for door staff and supervisors; undoing a check-in is for
 * supervisors (role {@code admin}, the default for {@code /api/admin/**}). An admin token alone
 * does not scan: door devices get door tokens, and a supervisor who scans carries both roles.
 */
@Configuration(proxyBeanMethods = false)
class ScannerConfiguration {

    @Bean
    AuthorizationRules scannerRules() {
        return rules -> {
            rules.requestMatchers("/api/scans", "/api/scans/**").hasRole("door");
            rules.requestMatchers(HttpMethod.GET, "/api/events/*/offline-bundle").hasRole("door");
            rules.requestMatchers(HttpMethod.GET, "/api/events/*/checkins").hasAnyRole("door", "admin");
        };
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DoorWindow doorWindow(@Value("${taquilla.scanner.doors.open-early}") Duration openEarly,
                          @Value("${taquilla.scanner.doors.close-after-start}") Duration closeAfterStart) {
        return new DoorWindow(openEarly, closeAfterStart);
    }
}
