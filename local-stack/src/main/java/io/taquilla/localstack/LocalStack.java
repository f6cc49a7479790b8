package io.taquilla.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole system on one machine: embedded PostgreSQL, Kafka and SMTP in this JVM, each service
 * and the gateway as a process, the demo event loaded. {@link #close()} stops it all.
 */
final class LocalStack implements AutoCloseable {

    static final String ORDER_TOKEN_SECRET = "taquilla-local-order-token-secret-0123456789";
    static final String STRIPE_WEBHOOK_SECRET = "whsec_taquilla_local_simulator_secret";

    final StackLayout layout;
    final EmbeddedInfrastructure infrastructure;
    final InboxServer inbox;
    final ServiceProcesses services;
    final LocalIssuer issuer;
    final Duration startup;

    private LocalStack(StackLayout layout, EmbeddedInfrastructure infrastructure, InboxServer inbox,
                       ServiceProcesses services, LocalIssuer issuer, Duration startup) {
        this.layout = layout;
        this.issuer = issuer;
        this.infrastructure = infrastructure;
        this.inbox = inbox;
        this.services = services;
        this.startup = startup;
    }

    static LocalStack start(Path home, StackLayout layout, Path dataDirectory) throws Exception {
        return start(home, layout, dataDirectory, Map.of());
    }

    /** @param overrides extra environment for every service (tests shorten the order hold with it) */
    static LocalStack start(Path home, StackLayout layout, Path dataDirectory, Map<String, String> overrides) throws Exception {
        Instant began = Instant.now();
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(dataDirectory, layout.postgresPort(), layout.smtpPort());
        System.out.printf("  PostgreSQL, Kafka and SMTP up in %.1f s%n", seconds(began));
        InboxServer inbox = null;
        ServiceProcesses services = null;
        LocalIssuer issuer = null;
        try {
            inbox = new InboxServer(infrastructure.mail, layout.inboxPort());
            issuer = LocalIssuer.of(home, layout).serve(LocalIssuer.jwksPort(layout));
            Path logs = home.resolve(".taquilla").resolve("logs" + (layout.base() == 8080 ? "" : "-" + layout.base()));
            services = new ServiceProcesses(home, logs);
            for (StackLayout.Service service : StackLayout.SERVICES) {
                Map<String, String> env = environment(layout, infrastructure, service.schema(), issuer);
                env.putAll(overrides);
                services.start(service.module(), layout.port(service), env);
            }
            if (Files.exists(ServiceProcesses.jar(home, "api-gateway"))) {
                services.start("api-gateway", layout.gatewayPort(), gatewayEnvironment(layout));
            }
            // Seven JVMs starting at once on a busy 2-core machine can take minutes; -Dtaquilla.ready.minutes=N.
            services.awaitReady(Duration.ofMinutes(Long.getLong("taquilla.ready.minutes", 8)));
            System.out.printf("  %d services ready at %.1f s%n", services.ports().size(), seconds(began));
            DemoData.load(layout, services.ports().containsKey("api-gateway"), issuer);
            System.out.printf("  demo event \"Perreo Fridays\" on sale at %.1f s%n", seconds(began));
            return new LocalStack(layout, infrastructure, inbox, services, issuer, Duration.between(began, Instant.now()));
        } catch (Exception e) {
            if (services != null) {
                services.close();
            }
            if (inbox != null) {
                inbox.close();
            }
            if (issuer != null) {
                issuer.close();
            }
            infrastructure.close();
            throw e;
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static Map<String, String> environment(StackLayout layout, EmbeddedInfrastructure infrastructure, String schema,
                                                   LocalIssuer issuer) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", infrastructure.jdbcUrl());
        env.put("DATABASE_USER", schema);
        env.put("DATABASE_PASSWORD", schema);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        // Staff tokens: verified from the local issuer's JWKS (no signing secret in any service).
        env.put("TAQUILLA_JWT_JWK_SET_URI", LocalIssuer.jwkSetUri(layout));
        env.put("TAQUILLA_ISSUER", issuer.issuer());
        env.put("TAQUILLA_ORDER_TOKEN_SECRET", ORDER_TOKEN_SECRET);
        env.put("PUBLIC_BASE_URL", layout.gatewayUrl());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(infrastructure.smtpPort()));
        env.put("MAIL_FROM", "tickets@taquilla.local");
        env.put("STRIPE_WEBHOOK_SECRET", STRIPE_WEBHOOK_SECRET);
        env.remove("STRIPE_SECRET_KEY");
        return env;
    }

    private static Map<String, String> gatewayEnvironment(StackLayout layout) {
        Map<String, String> env = new HashMap<>();
        env.put("CATALOG_URL", layout.url("catalog-service"));
        env.put("ORDER_URL", layout.url("order-service"));
        env.put("PAYMENT_URL", layout.url("payment-service"));
        env.put("TICKETING_URL", layout.url("ticketing-service"));
        env.put("SCANNER_URL", layout.url("scanner-service"));
        env.put("NOTIFICATION_URL", layout.url("notification-service"));
        return env;
    }

    Routes routes() {
        return services.ports().containsKey("api-gateway") ? Routes.gateway(layout.gatewayUrl()) : Routes.direct(layout);
    }

    String adminToken() {
        return issuer.admin(Duration.ofHours(12));
    }

    String doorToken() {
        return issuer.door(Duration.ofHours(12));
    }

    @Override
    public void close() {
        services.close();
        inbox.close();
        issuer.close();
        infrastructure.close();
    }
}
