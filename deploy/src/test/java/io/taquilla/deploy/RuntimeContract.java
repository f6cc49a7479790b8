package io.taquilla.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runtime contract every deployment honours (the helper brief / docs/OPERATIONS.md): fixed
 * ports, and the environment each module must be given outside a developer's laptop.
 */
final class RuntimeContract {

    private RuntimeContract() {
    }

    static final Map<String, Integer> PORTS = new LinkedHashMap<>();

    static {
        PORTS.put("api-gateway", 8080);
        PORTS.put("catalog-service", 8081);
        PORTS.put("order-service", 8082);
        PORTS.put("payment-service", 8083);
        PORTS.put("ticketing-service", 8084);
        PORTS.put("scanner-service", 8085);
        PORTS.put("notification-service", 8086);
        PORTS.put("identity-service", 8087);
    }

    static final List<String> SERVICES = List.of("catalog-service", "order-service", "payment-service",
            "ticketing-service", "scanner-service", "notification-service", "identity-service");

    /** Set for every service: without them a container would talk to localhost or use dev secrets. */
    static final Set<String> EVERY_SERVICE = Set.of("SERVER_PORT", "DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "TAQUILLA_JWT_JWK_SET_URI", "TAQUILLA_ISSUER", "TAQUILLA_ORDER_TOKEN_SECRET",
            "PUBLIC_BASE_URL");

    /** Upstream URL variable of the gateway → the module it must point at. */
    static final Map<String, String> GATEWAY_UPSTREAMS = Map.of(
            "CATALOG_URL", "catalog-service",
            "ORDER_URL", "order-service",
            "PAYMENT_URL", "payment-service",
            "TICKETING_URL", "ticketing-service",
            "SCANNER_URL", "scanner-service",
            "NOTIFICATION_URL", "notification-service",
            "IDENTITY_URL", "identity-service");

    static Set<String> required(String module) {
        if (module.equals("api-gateway")) {
            return Set.copyOf(GATEWAY_UPSTREAMS.keySet());
        }
        if (module.equals("payment-service")) {
            return union(EVERY_SERVICE, Set.of("STRIPE_WEBHOOK_SECRET"));
        }
        if (module.equals("identity-service")) {
            // The issuer itself: it signs staff tokens, so it needs no shared secret and no JWKS URL.
            Set<String> identity = new java.util.HashSet<>(EVERY_SERVICE);
            identity.removeAll(Set.of("TAQUILLA_JWT_JWK_SET_URI"));
            return Set.copyOf(identity);
        }
        if (module.equals("notification-service")) {
            return union(EVERY_SERVICE, Set.of("SMTP_HOST", "SMTP_PORT"));
        }
        return EVERY_SERVICE;
    }

    /** Read by the JVM itself, not by Spring. */
    static final Set<String> JVM_ENVIRONMENT = Set.of("JAVA_TOOL_OPTIONS");

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
