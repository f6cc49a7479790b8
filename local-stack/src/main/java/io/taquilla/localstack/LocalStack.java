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
    final Duration startup;

    private LocalStack(StackLayout layout, EmbeddedInfrastructure infrastructure, InboxServer inbox,
                       ServiceProcesses services, Duration startup) {
        this.layout = layout;
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
        try {
            inbox = new InboxServer(infrastructure.mail, layout.inboxPort());
            Path logs = home.resolve(".taquilla").resolve("logs" + (layout.base() == 8080 ? "" : "-" + layout.base()));
            services = new ServiceProcesses(home, logs);
            for (StackLayout.Service service : StackLayout.SERVICES) {
                Map<String, String> env = environment(layout, infrastructure, service.schema());
                if (service.module().equals("identity-service")) {
                    env.put("TAQUILLA_CLI_CLIENT_SECRET", DemoData.CLI_CLIENT_SECRET);
                    env.put("SPRING_APPLICATION_JSON", DemoData.identitySeedJson());
                }
                env.putAll(overrides);
                services.start(service.module(), layout.port(service), env);
            }
            if (Files.exists(ServiceProcesses.jar(home, "api-gateway"))) {
                services.start("api-gateway", layout.gatewayPort(), gatewayEnvironment(layout));
            }
            // Seven JVMs starting at once on a busy 2-core machine can take minutes; -Dtaquilla.ready.minutes=N.
            services.awaitReady(Duration.ofMinutes(Long.getLong("taquilla.ready.minutes",
                    Long.getLong("taquilla.stack.ready-minutes", 8))));
            System.out.printf("  %d services ready at %.1f s%n", services.ports().size(), seconds(began));
            DemoData.load(layout, services.ports().containsKey("api-gateway"));
            System.out.printf("  demo event \"Perreo Fridays\" on sale at %.1f s%n", seconds(began));
            return new LocalStack(layout, infrastructure, inbox, services, Duration.between(began, Instant.now()));
        } catch (Exception e) {
            if (services != null) {
                services.close();
            }
            if (inbox != null) {
                inbox.close();
            }
            infrastructure.close();
            throw e;
        }
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }

    private static Map<String, String> environment(StackLayout layout, EmbeddedInfrastructure infrastructure, String schema) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", infrastructure.jdbcUrl());
        env.put("DATABASE_USER", schema);
        env.put("DATABASE_PASSWORD", schema);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        // Staff tokens: issued by identity-service under the gateway's URL, verified from its JWKS.
        env.put("TAQUILLA_ISSUER", layout.gatewayUrl());
        env.put("TAQUILLA_JWT_JWK_SET_URI", layout.url("identity-service") + "/oauth2/jwks");
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
        env.put("IDENTITY_URL", layout.url("identity-service"));
        // The door app's "paste a door token" sign-in: local only (./taquilla token door).
        env.put("DOOR_DEV_LOGIN", "true");
        // ...and the real sign-in: identity-service's door-app client, through the gateway.
        env.put("DOOR_OIDC_ISSUER", layout.gatewayUrl());
        return env;
    }

    Routes routes() {
        return services.ports().containsKey("api-gateway") ? Routes.gateway(layout.gatewayUrl()) : Routes.direct(layout);
    }

    String adminToken() {
        return identityAdminToken();
    }

    String doorToken() {
        return identityDoorToken();
    }

    /** A platform-admin token from identity-service (client credentials of the local script client). */
    String identityAdminToken() {
        return new StaffTokens(identityBase()).clientCredentials(DemoData.CLI_CLIENT_ID, DemoData.CLI_CLIENT_SECRET);
    }

    /** A door token from identity-service: the seeded door account logging in through the door app. */
    String identityDoorToken() {
        return doorLogin(identityBase(), layout.gatewayUrl(), "taquilla up").get("access_token").asString();
    }

    static tools.jackson.databind.JsonNode doorLogin(String identity, String publicBase, String deviceName) {
        return new StaffTokens(identity).login("door-app", publicBase + "/door/callback", DemoData.DOOR.email(),
                DemoData.DOOR.password(), Map.of("device_name", deviceName));
    }

    private String identityBase() {
        return services.ports().containsKey("api-gateway") ? layout.gatewayUrl() : layout.url("identity-service");
    }

    @Override
    public void close() {
        services.close();
        inbox.close();
        infrastructure.close();
    }
}
