package io.taquilla.web;

import io.taquilla.web.security.AuthorizationRules;
import io.taquilla.web.security.JwtSettings;
import io.taquilla.web.security.RolesConverter;
import io.taquilla.web.security.SecurityHandlersAccess;
import io.taquilla.web.security.StaffCaller;
import io.taquilla.web.security.StaffCallerResolver;
import io.taquilla.web.security.TokenVerification;
import java.util.List;
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
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP edge every service shares: an OAuth2 resource server verifying staff tokens from the
 * issuer's JWKS (roles from the {@code roles} claim, scoped by {@code org}), problem+json errors,
 * order access tokens and correlation ids.
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
    public JwtSettings jwtSettings(Environment environment) {
        return JwtSettings.from(environment);
    }

    /** Tokens are verified with the issuer's published keys; no service holds a signing secret. */
    @Bean
    @ConditionalOnMissingBean
    public JwtDecoder jwtDecoder(JwtSettings settings) {
        return TokenVerification.decoder(settings);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    public SecurityFilterChain taquillaSecurity(HttpSecurity http, ObjectProvider<AuthorizationRules> serviceRules,
                                                JwtSettings settings) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .cors(cors -> { })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> {
                    rules.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    rules.requestMatchers("/actuator/**", "/error").permitAll();
                    serviceRules.orderedStream().forEach(r -> r.configure(rules));
                    // Dead letters (platform-messaging, in every service) hold every organizer's messages.
                    rules.requestMatchers("/api/admin/dead-letters", "/api/admin/dead-letters/**")
                            .hasRole(StaffCaller.PLATFORM_ADMIN);
                    // Staff of any organizer reach the admin API; each route then checks ownership.
                    rules.requestMatchers("/api/admin/**").hasAnyRole(StaffCaller.STAFF_ROLES);
                    rules.anyRequest().permitAll();
                })
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(RolesConverter.authentication(settings)))
                        .authenticationEntryPoint(SecurityHandlersAccess.unauthorized())
                        .accessDeniedHandler(SecurityHandlersAccess.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(SecurityHandlersAccess.unauthorized())
                        .accessDeniedHandler(SecurityHandlersAccess.forbidden()));
        return http.build();
    }

    /** Controllers take the verified caller as a {@link StaffCaller} parameter. */
    @Bean
    public WebMvcConfigurer staffCallerArguments(JwtSettings settings) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new StaffCallerResolver(settings));
            }
        };
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
