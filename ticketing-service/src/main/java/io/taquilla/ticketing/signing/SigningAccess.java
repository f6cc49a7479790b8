package io.taquilla.ticketing.signing;

import io.taquilla.web.security.AuthorizationRules;
import io.taquilla.web.security.StaffCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * QR signing keys sign every organizer's tickets, so rotating them is a platform admin's job;
 * organizer roles reach the admin API elsewhere but not here.
 */
@Configuration(proxyBeanMethods = false)
class SigningAccess {

    @Bean
    AuthorizationRules signingKeyRules() {
        return rules -> rules.requestMatchers("/api/admin/ticketing/**").hasRole(StaffCaller.PLATFORM_ADMIN);
    }
}
