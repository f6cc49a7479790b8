package io.taquilla.scanner.lookup;

import io.taquilla.web.security.AuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code /api/door/**} is for door devices only, as scanning is. */
@Configuration(proxyBeanMethods = false)
class DoorAccess {

    @Bean
    AuthorizationRules doorLookupRules() {
        return rules -> rules.requestMatchers("/api/door/**").hasRole("door");
    }
}
