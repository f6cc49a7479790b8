package io.taquilla.localstack;

import java.util.List;

/**
 * Where everything listens. The default base is the documented one (gateway 8080, services
 * 8081..8087, PostgreSQL 5433, SMTP 3025, inbox 8025); tests shift the whole set with another base.
 */
record StackLayout(int base) {

    static final StackLayout DEFAULT = new StackLayout(8080);

    record Service(String module, String schema, int offset) {}

    static final List<Service> SERVICES = List.of(
            new Service("catalog-service", "catalog", 1),
            new Service("order-service", "ordering", 2),
            new Service("payment-service", "payments", 3),
            new Service("ticketing-service", "ticketing", 4),
            new Service("scanner-service", "scanning", 5),
            new Service("notification-service", "notification", 6),
            new Service("identity-service", "identity", 7));

    int gatewayPort() {
        return base;
    }

    int port(Service service) {
        return base + service.offset();
    }

    int port(String module) {
        return SERVICES.stream().filter(s -> s.module().equals(module)).findFirst()
                .map(this::port).orElseThrow(() -> new IllegalArgumentException(module));
    }

    int postgresPort() {
        return base == 8080 ? 5433 : base - 3000;
    }

    int smtpPort() {
        return base == 8080 ? 3025 : base + 45;
    }

    int inboxPort() {
        return base == 8080 ? 8025 : base + 25;
    }

    String url(String module) {
        return "http://localhost:" + port(module);
    }

    String gatewayUrl() {
        return "http://localhost:" + gatewayPort();
    }

    String inboxUrl() {
        return "http://localhost:" + inboxPort();
    }
}
