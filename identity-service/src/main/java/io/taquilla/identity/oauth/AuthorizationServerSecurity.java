package io.taquilla.identity.oauth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.taquilla.identity.IdentityProperties;
import io.taquilla.identity.keys.DatabaseJwks;
import io.taquilla.identity.keys.SigningKeyStore;
import io.taquilla.identity.login.StaffAuthentication;
import io.taquilla.web.security.SecurityHandlersAccess;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Three filter chains: the OAuth2/OIDC endpoints (Spring Authorization Server), the JSON APIs
 * (stateless, bearer tokens this service issued), and the browser pages (session + form login).
 */
@Configuration
public class AuthorizationServerSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, RegisteredClientRepository clients) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                    server.clientAuthentication(client -> client
                            .authenticationConverter(PublicRefreshClients.converter())
                            .authenticationProvider(PublicRefreshClients.provider(clients)));
                })
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(TokenClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher("/api/**", "/actuator/**", "/error")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers("/actuator/**", "/error", "/api/identity/**").permitAll()
                        .requestMatchers("/api/admin/identity/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(SecurityHandlersAccess.unauthorized())
                        .accessDeniedHandler(SecurityHandlersAccess.forbidden()))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(SecurityHandlersAccess.unauthorized())
                        .accessDeniedHandler(SecurityHandlersAccess.forbidden()));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, StaffAuthentication staff) throws Exception {
        http.authorizeHttpRequests(rules -> rules.requestMatchers("/login").permitAll().anyRequest().authenticated())
                .authenticationProvider(staff)
                .formLogin(form -> form.loginPage("/login").failureHandler((request, response, e) ->
                        response.sendRedirect(request.getContextPath() + (e instanceof LockedException ? "/login?locked" : "/login?error"))))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"));
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(JdbcTemplate jdbc) {
        return new JdbcRegisteredClientRepository(jdbc);
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcTemplate jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    /** What the JWKS endpoint publishes and what verifies tokens: every key not retired yet. */
    @Bean
    JWKSource<SecurityContext> jwkSource(SigningKeyStore keys, Clock clock) {
        return DatabaseJwks.published(keys, clock);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeyStore keys) {
        return new NimbusJwtEncoder(DatabaseJwks.signing(keys));
    }

    /** Verifies the tokens the admin API receives: our keys, our issuer, our audience, not expired. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwks, IdentityProperties properties) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, jwks));
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        OAuth2TokenValidator<Jwt> audience = jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "wrong audience", null));
        OAuth2TokenValidator<Jwt> expiring = jwt -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "no exp", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, expiring));
        return decoder;
    }

    @Bean
    OAuth2TokenGenerator<?> tokenGenerator(JwtEncoder encoder, TokenClaims claims) {
        JwtGenerator jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(claims);
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2AccessTokenGenerator(), new RefreshTokens());
    }
}
