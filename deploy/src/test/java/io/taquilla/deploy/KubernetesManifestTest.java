package io.taquilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KubernetesManifestTest {

    static Map<String, ServiceFacts> facts;
    static List<Map<String, Object>> documents;
    static Set<String> secretKeys;

    @BeforeAll
    static void load() {
        facts = ServiceFacts.readAll(Repo.root());
        documents = Manifests.kubernetes();
        secretKeys = Manifests.secretTemplateKeys();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(Tree.string(d, "metadata.name")))
                .findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(List<Map<String, Object>> docs, String module) {
        return (Map<String, Object>) Tree.list(find(docs, "Deployment", module), "spec.template.spec.containers").get(0);
    }

    @Test
    void manifestsMatchWhatTheServicesRead() {
        assertThat(KubernetesCheck.check(documents, secretKeys, facts)).isEmpty();
    }

    @Test
    void everyManifestParsesAndIsAppliedOrDeliberatelyLeftOut() throws IOException {
        Path k8s = Repo.path("k8s");
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(k8s)) {
            walk.filter(f -> f.toString().endsWith(".yaml")).forEach(f -> {
                assertThat(Repo.yamlDocuments(Repo.read(f))).as(f.toString()).isNotEmpty();
                files.add(k8s.relativize(f).toString().replace('\\', '/'));
            });
        }
        Set<String> applied = new TreeSet<>();
        Tree.list(Manifests.kustomization(), "resources").forEach(r -> applied.add(String.valueOf(r)));
        files.removeAll(applied);
        // Not applied on purpose: the Secret is created out of band; Kafka may be managed elsewhere.
        assertThat(files).containsExactlyInAnyOrder("kustomization.yaml", "secret.template.yaml", "kafka-strimzi/kafka.yaml");
    }

    @Test
    void kustomizationPinsEveryImage() {
        Set<String> images = new TreeSet<>();
        Tree.list(Manifests.kustomization(), "images").forEach(i -> images.add(Tree.string(i, "name")));
        facts.keySet().forEach(module -> assertThat(images).contains("taquilla/" + module));
    }

    @Test
    void theSecretTemplateHoldsNoSecrets() {
        Tree.map(Repo.yaml(Repo.path("k8s/secret.template.yaml")), "stringData")
                .forEach((key, value) -> assertThat(value).as(key).isEqualTo("CHANGE_ME"));
        documents.forEach(d -> assertThat(d.get("kind")).isNotEqualTo("Secret"));
    }

    @Test
    void podsRunAsTheUserTheImageCreates() {
        String dockerfile = Repo.read(Repo.path("deploy/docker/Dockerfile"));
        assertThat(dockerfile).contains("--uid 10001").contains("USER 10001:10001");
        documents.stream().filter(d -> "Deployment".equals(d.get("kind"))).forEach(d ->
                assertThat(Tree.at(d, "spec.template.spec.securityContext.runAsUser")).as(Tree.string(d, "metadata.name")).isEqualTo(10001));
    }

    // --- the check can fail -------------------------------------------------------------------

    @Test
    void reportsAWrongProbePath() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        Tree.map(container(broken, "scanner-service"), "readinessProbe.httpGet").put("path", "/health");

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .contains("k8s Deployment scanner-service: readinessProbe path is /health, expected /actuator/health/readiness");
    }

    @Test
    void reportsAContainerPortThatIsNotServerPort() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        ((Map<String, Object>) Tree.list(container(broken, "order-service"), "ports").get(0)).put("containerPort", 8080);

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .anyMatch(p -> p.startsWith("k8s Deployment order-service: container ports {http=8080} do not include server.port 8082"))
                .anyMatch(p -> p.startsWith("k8s Deployment order-service: livenessProbe port http is not the service port 8082"));
    }

    @Test
    void reportsAnUnknownVariableInAConfigMap() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        Tree.map(find(broken, "ConfigMap", "payment-service-config"), "data").put("STRIPE_API_KEY", "sk_test_x");

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .contains("k8s Deployment payment-service: sets STRIPE_API_KEY, which payment-service does not read");
    }

    @Test
    void reportsASecretKeyTheTemplateDoesNotHave() {
        Set<String> fewerKeys = new TreeSet<>(secretKeys);
        fewerKeys.remove("ORDERING_DB_PASSWORD");

        assertThat(KubernetesCheck.check(documents, fewerKeys, facts))
                .anyMatch(p -> p.contains("order-service: DATABASE_PASSWORD comes from secret taquilla-secrets/ORDERING_DB_PASSWORD"));
    }

    @Test
    void reportsAWritableRootFilesystemAndAMissingTmpVolume() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        Map<String, Object> gateway = container(broken, "api-gateway");
        Tree.map(gateway, "securityContext").put("readOnlyRootFilesystem", false);
        gateway.remove("volumeMounts");

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .contains("k8s Deployment api-gateway: must set readOnlyRootFilesystem: true")
                .contains("k8s Deployment api-gateway: needs an emptyDir volume mounted at /tmp (the root filesystem is read-only)");
    }

    @Test
    void reportsAServiceThatMissesItsPodsAndAMissingAutoscaler() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        Tree.map(find(broken, "Service", "catalog-service"), "spec.selector").put("app.kubernetes.io/name", "catalog");
        broken.removeIf(d -> "HorizontalPodAutoscaler".equals(d.get("kind")) && "scanner-service".equals(Tree.string(d, "metadata.name")));

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .contains("k8s Service catalog-service does not select the Deployment's pods")
                .contains("k8s has no HorizontalPodAutoscaler for Deployment scanner-service");
    }

    @Test
    void reportsAGatewayUpstreamThatIsNotAService() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        Tree.map(find(broken, "ConfigMap", "api-gateway-config"), "data").put("ORDER_URL", "http://orders:8082");

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .contains("k8s Deployment api-gateway: ORDER_URL=http://orders:8082 does not point at the order-service Service");
    }

    @Test
    void reportsAnImageOfAnotherModule() {
        List<Map<String, Object>> broken = Tree.copy(documents);
        container(broken, "ticketing-service").put("image", "taquilla/scanner-service:0.1.0");

        assertThat(KubernetesCheck.check(broken, secretKeys, facts))
                .contains("k8s Deployment ticketing-service: image taquilla/scanner-service:0.1.0 is not taquilla/ticketing-service");
    }
}
