package io.taquilla.web.security;

import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one way a service checks a bearer token: signature by a key from the issuer's JWKS (an
 * asymmetric algorithm only, so {@code alg: none} and HMAC tokens are refused), {@code exp}
 * present and not passed, {@code iss} exactly the configured issuer, {@code aud} containing
 * the configured audience.
 */
public final class TokenVerification {

    private TokenVerification() {
    }

    public static JwtDecoder decoder(JwtSettings settings) {
        settings.requireIssuer();
        // Without a JWKS URL the keys are found through the issuer's discovery document, on first use.
        NimbusJwtDecoder decoder = (settings.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withIssuerLocation(settings.issuer())
                : NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()))
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    settings.algorithms().forEach(a -> algorithms.add(SignatureAlgorithm.from(a)));
                })
                // Providers differ in "typ" (JWT, at+jwt, none); the claims below are what matters.
                .validateType(false)
                .build();
        decoder.setJwtValidator(validator(settings));
        return decoder;
    }

    static OAuth2TokenValidator<Jwt> validator(JwtSettings settings) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setAllowEmptyExpiryClaim(false);
        return new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience())));
    }
}
