package io.taquilla.ticketing.signing;

import io.taquilla.tickettoken.QrTokenVerifier;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code taquilla.ticketing.signing}: which algorithm signs new QR tokens
 * ({@code TICKET_SIGNING_ALGORITHM}) and the shared secret HMAC keys derive from
 * ({@code TICKET_HMAC_SECRET}, only needed for HMAC).
 */
@ConfigurationProperties("taquilla.ticketing.signing")
public record SigningSettings(@DefaultValue("Ed25519") String algorithm, String hmacSecret) {

    public Algorithm signingAlgorithm() {
        return Algorithm.fromWireName(algorithm);
    }
}
