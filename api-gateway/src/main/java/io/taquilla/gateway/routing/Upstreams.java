package io.taquilla.gateway.routing;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where each service listens (env {@code CATALOG_URL}, {@code ORDER_URL}, ..., {@code IDENTITY_URL} in application.yaml). */
@ConfigurationProperties("taquilla.gateway.upstreams")
public record Upstreams(URI catalog, URI order, URI payment, URI ticketing, URI scanner, URI notification,
                        URI identity) {
}
