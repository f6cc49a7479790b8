package io.taquilla.web;

import io.taquilla.web.security.AuthorizationRules;
import io.taquilla.web.security.DevTokens;
import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The HTTP edge every service shares: stateless JWT validation with roles from the {@code roles}
 * claim, problem+json errors, order access tokens and correlation ids.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration"})
public class WebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(@Value("${taquilla.security.jwt.secret:${TAQUILLA_JWT_SECRET:" + DevTokens.DEV_SECRET + "}}") String secret,
                                 @Value("${taquilla.security.jwt.jwk-set-uri:}") String jwkSetUri) {
        if (!jwkSetUri.isBlank()) {
            return NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        }
        SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        return NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain taquillaSecurity(HttpSecurity http, ObjectProvider<AuthorizationRules> serviceRules)
            throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName("roles");
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    rules.requestMatchers("/actuator/**", "/error").permitAll();
                    serviceRules.orderedStream().forEach(r -> r.configure(rules));
                    rules.requestMatchers("/api/admin/**").hasRole("admin");
                    rules.anyRequest().permitAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(io.taquilla.web.security.SecurityHandlersAccess.unauthorized())
                        .accessDeniedHandler(io.taquilla.web.security.SecurityHandlersAccess.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(io.taquilla.web.security.SecurityHandlersAccess.unauthorized())
                        .accessDeniedHandler(io.taquilla.web.security.SecurityHandlersAccess.forbidden()));
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public OrderAccessTokens orderAccessTokens(
            @Value("${taquilla.order-token.secret:${TAQUILLA_ORDER_TOKEN_SECRET:taquilla-local-order-token-secret-0123456789}}") String secret) {
        return new OrderAccessTokens(secret);
    }

    @Bean
    @ConditionalOnMissingBean
    public ProblemHandler problemHandler() {
        return new ProblemHandler();
    }

    @Bean
    public FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> registration = new FilterRegistrationBean<>(new CorrelationIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
