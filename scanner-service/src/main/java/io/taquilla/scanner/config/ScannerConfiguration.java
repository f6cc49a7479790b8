package io.taquilla.scanner.config;

import io.taquilla.scanner.door.domain.DoorWindow;
import io.taquilla.web.security.AuthorizationRules;
import io.taquilla.web.security.StaffCaller;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may do what: door devices (role {@code door}, bound to a device) scan, download bundles and
 * upload offline scans, only at their organizer's (listed) events; the check-in board is for the
 * door and the organizer's staff; undoing a check-in is for the organizer's staff (the default
 * rule for {@code /api/admin/**}, then ownership). A staff token alone does not scan: door
 * devices get door tokens.
 */
@Configuration(proxyBeanMethods = false)
class ScannerConfiguration {

    @Bean
    AuthorizationRules scannerRules() {
        return rules -> {
            rules.requestMatchers("/api/scans", "/api/scans/**").hasRole(StaffCaller.DOOR);
            rules.requestMatchers(HttpMethod.GET, "/api/events/*/offline-bundle").hasRole(StaffCaller.DOOR);
            rules.requestMatchers(HttpMethod.GET, "/api/events/*/checkins").hasAnyRole(StaffCaller.DOOR,
                    StaffCaller.PLATFORM_ADMIN, StaffCaller.ORGANIZER_ADMIN, StaffCaller.ORGANIZER_STAFF);
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
