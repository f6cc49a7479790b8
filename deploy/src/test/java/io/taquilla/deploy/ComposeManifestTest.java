package io.taquilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ComposeManifestTest {

    static Map<String, ServiceFacts> facts;
    static Map<String, Object> compose;
    static Map<String, String> envExample;
    static Map<String, Object> prometheus;

    @BeforeAll
    static void load() {
        facts = ServiceFacts.readAll(Repo.root());
        compose = Manifests.compose();
        envExample = Manifests.envExample();
        prometheus = Manifests.prometheus();
    }

    private static List<String> check(Map<String, Object> compose, Map<String, String> env, Map<String, Object> prometheus) {
        return ComposeCheck.check(compose, env, prometheus, facts, path -> Files.exists(Repo.path(path)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) Tree.map(compose, "services").get(name);
    }

    @Test
    void composeMatchesWhatTheServicesRead() {
        assertThat(check(compose, envExample, prometheus)).isEmpty();
    }

    @Test
    void composeUsesTheOfficialKafkaImageInKraftModeAndPostgres16() {
        Map<String, Object> resolved = Tree.copy(compose);
        assertThat(Tree.string(resolved, "services.kafka.image")).contains("apache/kafka:");
        assertThat(Tree.string(resolved, "services.kafka.environment.KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(Tree.string(resolved, "services.postgres.image")).contains("postgres:16");
        assertThat(Tree.list(resolved, "services.postgres.volumes").toString()).contains("/docker-entrypoint-initdb.d");
        assertThat(Tree.map(resolved, "services")).containsKeys("prometheus", "grafana", "mailpit");
    }

    @Test
    void everySecretInEnvExampleIsAMarkedDevPlaceholder() {
        envExample.forEach((name, value) -> {
            if ((name.contains("SECRET") || name.contains("PASSWORD") || name.contains("TOKEN")) && !value.isEmpty()) {
                assertThat(value).as(name).startsWith("dev-only-");
            }
        });
    }

    // --- the check can fail -------------------------------------------------------------------

    @Test
    void reportsAContainerPortThatIsNotTheServicePort() {
        Map<String, Object> broken = Tree.copy(compose);
        service(broken, "order-service").put("expose", List.of("9999"));

        assertThat(check(broken, envExample, prometheus)).anyMatch(p -> p.contains("order-service: exposes [9999]"));
    }

    @Test
    void reportsAMisspelledVariableAndTheOneItShouldHaveBeen() {
        Map<String, Object> broken = Tree.copy(compose);
        Map<String, Object> env = Tree.map(service(broken, "catalog-service"), "environment");
        env.put("DATABSE_URL", env.remove("DATABASE_URL"));

        assertThat(check(broken, envExample, prometheus))
                .anyMatch(p -> p.contains("catalog-service: sets DATABSE_URL, which catalog-service does not read"))
                .anyMatch(p -> p.contains("catalog-service: does not set DATABASE_URL"));
    }

    @Test
    void reportsAnImageBuiltFromAnotherModule() {
        Map<String, Object> broken = Tree.copy(compose);
        Tree.map(service(broken, "scanner-service"), "build.args").put("MODULE", "ticketing-service");

        assertThat(check(broken, envExample, prometheus)).anyMatch(p -> p.contains("scanner-service: image built from MODULE=ticketing-service"));
    }

    @Test
    void reportsAGatewayUpstreamOnTheWrongPort() {
        Map<String, Object> broken = Tree.copy(compose);
        Tree.map(service(broken, "api-gateway"), "environment").put("PAYMENT_URL", "http://payment-service:8084");

        assertThat(check(broken, envExample, prometheus)).anyMatch(p -> p.contains("PAYMENT_URL=http://payment-service:8084 but payment-service listens on 8083"));
    }

    @Test
    void reportsAHealthCheckOnTheWrongPath() {
        Map<String, Object> broken = Tree.copy(compose);
        service(broken, "api-gateway").put("healthcheck", Map.of("test", List.of("CMD", "curl", "http://localhost:8080/health")));

        assertThat(check(broken, envExample, prometheus)).anyMatch(p -> p.contains("api-gateway: healthcheck does not ask /actuator/health/readiness"));
    }

    @Test
    void reportsAServicePrometheusDoesNotScrape() {
        Map<String, Object> broken = Tree.copy(prometheus);
        Tree.list(broken, "scrape_configs").remove(0);

        assertThat(check(compose, envExample, broken)).anyMatch(p -> p.startsWith("prometheus does not scrape notification-service:8086"));
    }

    @Test
    void reportsAVariableEnvExampleDoesNotDocumentOrThatIsRequiredButUnset() {
        Map<String, String> env = new LinkedHashMap<>(envExample);
        env.remove("TAQUILLA_ORDER_TOKEN_SECRET");

        assertThat(check(compose, env, prometheus))
                .anyMatch(p -> p.contains("compose uses ${TAQUILLA_ORDER_TOKEN_SECRET} but .env.example does not document it"))
                .anyMatch(p -> p.contains("required variable TAQUILLA_ORDER_TOKEN_SECRET is not set"));
    }

    @Test
    void reportsAMissingMountedFile() {
        Map<String, Object> broken = Tree.copy(compose);
        service(broken, "prometheus").put("volumes", List.of("./ops/prometheus/missing.yml:/etc/prometheus/prometheus.yml:ro"));

        assertThat(check(broken, envExample, prometheus)).anyMatch(p -> p.contains("prometheus mounts ./ops/prometheus/missing.yml"));
    }
}
