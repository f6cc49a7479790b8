package io.taquilla.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks the k8s manifests against the modules and against each other: images, container ports,
 * probes, security context, environment (ConfigMaps and Secret keys included), Services, PDBs,
 * HPAs, the Ingress, and the gateway's upstream URLs.
 */
final class KubernetesCheck {

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private final Map<String, ServiceFacts> facts;
    private final List<Map<String, Object>> documents;
    private final Set<String> secretKeys;
    private final List<String> problems = new ArrayList<>();

    private KubernetesCheck(List<Map<String, Object>> documents, Set<String> secretKeys, Map<String, ServiceFacts> facts) {
        this.documents = documents;
        this.secretKeys = secretKeys;
        this.facts = facts;
    }

    /**
     * @param documents  every resource that kustomization.yaml applies
     * @param secretKeys the keys of the taquilla-secrets template
     */
    static List<String> check(List<Map<String, Object>> documents, Set<String> secretKeys, Map<String, ServiceFacts> facts) {
        KubernetesCheck check = new KubernetesCheck(documents, secretKeys, facts);
        for (String module : facts.keySet()) {
            Map<String, Object> deployment = check.find("Deployment", module);
            if (deployment == null) {
                check.problems.add("k8s has no Deployment " + module);
                continue;
            }
            check.deployment(module, deployment);
            check.service(module, deployment);
            check.disruptionBudget(module, deployment);
        }
        check.autoscalers();
        check.ingress();
        return check.problems;
    }

    private void deployment(String module, Map<String, Object> deployment) {
        String where = "k8s Deployment " + module + ": ";
        ServiceFacts fact = facts.get(module);
        Map<String, Object> pod = Tree.map(deployment, "spec.template.spec");
        Map<String, Object> container = container(deployment, module);
        if (container == null) {
            problems.add(where + "no container named " + module);
            return;
        }
        String image = Tree.string(container, "image");
        if (image == null || !image.matches("(.+/)?taquilla/" + module + "(:[\\w.-]+)?")) {
            problems.add(where + "image " + image + " is not taquilla/" + module);
        }
        Map<String, Integer> ports = containerPorts(container);
        if (!ports.containsValue(fact.port())) {
            problems.add(where + "container ports " + ports + " do not include server.port " + fact.port());
        }
        if (!fact.probesEnabled()) {
            problems.add(where + module + "'s application.yaml does not enable management.endpoint.health.probes");
        }
        probe(where, "livenessProbe", Tree.map(container, "livenessProbe"), LIVENESS, ports, fact.port());
        probe(where, "readinessProbe", Tree.map(container, "readinessProbe"), READINESS, ports, fact.port());
        if (!Tree.map(container, "startupProbe").isEmpty()) {
            probe(where, "startupProbe", Tree.map(container, "startupProbe"), LIVENESS, ports, fact.port());
        }
        security(where, pod, container);
        if (Tree.string(container, "resources.requests.cpu") == null || Tree.string(container, "resources.requests.memory") == null
                || Tree.string(container, "resources.limits.memory") == null) {
            problems.add(where + "needs cpu and memory requests and a memory limit");
        }
        Map<String, String> env = environment(where, container);
        problems.addAll(EnvironmentCheck.check(where, fact, env.keySet()));
        String serverPort = env.get("SERVER_PORT");
        if (serverPort != null && !serverPort.equals(String.valueOf(fact.port()))) {
            problems.add(where + "SERVER_PORT=" + serverPort + " but application.yaml has server.port " + fact.port());
        }
        if (module.equals("api-gateway")) {
            RuntimeContract.GATEWAY_UPSTREAMS.forEach((variable, target) -> upstream(where, variable, env.get(variable), target));
        }
    }

    private void probe(String where, String name, Map<String, Object> probe, String path, Map<String, Integer> ports, Integer port) {
        String actualPath = Tree.string(probe, "httpGet.path");
        if (!path.equals(actualPath)) {
            problems.add(where + name + " path is " + actualPath + ", expected " + path);
        }
        Object probePort = Tree.at(probe, "httpGet.port");
        Integer resolved = probePort instanceof Number n ? Integer.valueOf(n.intValue()) : ports.get(String.valueOf(probePort));
        if (!Objects.equals(resolved, port)) {
            problems.add(where + name + " port " + probePort + " is not the service port " + port);
        }
    }

    private void security(String where, Map<String, Object> pod, Map<String, Object> container) {
        if (!Boolean.TRUE.equals(Tree.at(pod, "securityContext.runAsNonRoot"))
                && !Boolean.TRUE.equals(Tree.at(container, "securityContext.runAsNonRoot"))) {
            problems.add(where + "must set runAsNonRoot: true");
        }
        if (!Boolean.TRUE.equals(Tree.at(container, "securityContext.readOnlyRootFilesystem"))) {
            problems.add(where + "must set readOnlyRootFilesystem: true");
        }
        if (!Boolean.FALSE.equals(Tree.at(container, "securityContext.allowPrivilegeEscalation"))) {
            problems.add(where + "must set allowPrivilegeEscalation: false");
        }
        String tmpVolume = null;
        for (Object mount : Tree.list(container, "volumeMounts")) {
            if ("/tmp".equals(Tree.string(mount, "mountPath"))) {
                tmpVolume = Tree.string(mount, "name");
            }
        }
        boolean emptyDir = false;
        for (Object volume : Tree.list(pod, "volumes")) {
            if (Objects.equals(Tree.string(volume, "name"), tmpVolume) && Tree.at(volume, "emptyDir") != null) {
                emptyDir = true;
            }
        }
        if (!emptyDir) {
            problems.add(where + "needs an emptyDir volume mounted at /tmp (the root filesystem is read-only)");
        }
    }

    /** Environment names from env (values from secrets checked against the template) and envFrom ConfigMaps. */
    private Map<String, String> environment(String where, Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : Tree.list(container, "envFrom")) {
            String configMap = Tree.string(from, "configMapRef.name");
            if (configMap == null) {
                problems.add(where + "envFrom other than a ConfigMap: " + from);
                continue;
            }
            Map<String, Object> found = find("ConfigMap", configMap);
            if (found == null) {
                problems.add(where + "envFrom ConfigMap " + configMap + " does not exist");
                continue;
            }
            Tree.map(found, "data").forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        for (Object variable : Tree.list(container, "env")) {
            String name = Tree.string(variable, "name");
            String secret = Tree.string(variable, "valueFrom.secretKeyRef.name");
            if (secret != null) {
                String key = Tree.string(variable, "valueFrom.secretKeyRef.key");
                if (!"taquilla-secrets".equals(secret) || !secretKeys.contains(key)) {
                    problems.add(where + name + " comes from secret " + secret + "/" + key + ", which the secret template does not have");
                }
            }
            env.put(name, Tree.string(variable, "value"));
        }
        return env;
    }

    private void upstream(String where, String variable, String url, String target) {
        if (url == null) {
            return;
        }
        java.net.URI uri = java.net.URI.create(url);
        Map<String, Object> service = find("Service", uri.getHost());
        if (!target.equals(uri.getHost()) || service == null) {
            problems.add(where + variable + "=" + url + " does not point at the " + target + " Service");
        } else if (Tree.list(service, "spec.ports").stream().noneMatch(p -> Objects.equals(Tree.at(p, "port"), uri.getPort()))) {
            problems.add(where + variable + "=" + url + " but Service " + target + " has no port " + uri.getPort());
        }
    }

    private void service(String module, Map<String, Object> deployment) {
        Map<String, Object> service = find("Service", module);
        if (service == null) {
            problems.add("k8s has no Service " + module);
            return;
        }
        if (!selects(Tree.map(service, "spec.selector"), Tree.map(deployment, "spec.template.metadata.labels"))) {
            problems.add("k8s Service " + module + " does not select the Deployment's pods");
        }
        Map<String, Integer> ports = containerPorts(container(deployment, module));
        for (Object port : Tree.list(service, "spec.ports")) {
            Object target = Tree.at(port, "targetPort");
            Integer resolved = target == null ? (Integer) Tree.at(port, "port")
                    : target instanceof Number n ? Integer.valueOf(n.intValue()) : ports.get(String.valueOf(target));
            if (!Objects.equals(resolved, facts.get(module).port())) {
                problems.add("k8s Service " + module + " port " + Tree.at(port, "port") + " targets " + target
                        + ", not the container's " + facts.get(module).port());
            }
        }
    }

    private void disruptionBudget(String module, Map<String, Object> deployment) {
        boolean covered = documents.stream()
                .filter(d -> "PodDisruptionBudget".equals(d.get("kind")))
                .anyMatch(d -> selects(Tree.map(d, "spec.selector.matchLabels"), Tree.map(deployment, "spec.template.metadata.labels")));
        if (!covered) {
            problems.add("k8s Deployment " + module + " has no PodDisruptionBudget");
        }
    }

    private void autoscalers() {
        for (String module : List.of("order-service", "scanner-service")) {
            boolean scaled = documents.stream()
                    .filter(d -> "HorizontalPodAutoscaler".equals(d.get("kind")))
                    .anyMatch(d -> "Deployment".equals(Tree.string(d, "spec.scaleTargetRef.kind"))
                            && module.equals(Tree.string(d, "spec.scaleTargetRef.name")));
            if (!scaled) {
                problems.add("k8s has no HorizontalPodAutoscaler for Deployment " + module);
            }
        }
        documents.stream().filter(d -> "HorizontalPodAutoscaler".equals(d.get("kind"))).forEach(hpa -> {
            String target = Tree.string(hpa, "spec.scaleTargetRef.name");
            if (find("Deployment", target) == null) {
                problems.add("k8s HorizontalPodAutoscaler scales unknown Deployment " + target);
            }
        });
    }

    private void ingress() {
        List<Map<String, Object>> ingresses = documents.stream().filter(d -> "Ingress".equals(d.get("kind"))).toList();
        if (ingresses.isEmpty()) {
            problems.add("k8s has no Ingress");
        }
        for (Map<String, Object> ingress : ingresses) {
            for (Object rule : Tree.list(ingress, "spec.rules")) {
                for (Object path : Tree.list(rule, "http.paths")) {
                    String name = Tree.string(path, "backend.service.name");
                    if (!"api-gateway".equals(name)) {
                        problems.add("k8s Ingress sends " + Tree.string(path, "path") + " to " + name + ": only the gateway is public");
                        continue;
                    }
                    Map<String, Object> service = find("Service", name);
                    Object portName = Tree.at(path, "backend.service.port.name");
                    Object portNumber = Tree.at(path, "backend.service.port.number");
                    boolean matches = service != null && Tree.list(service, "spec.ports").stream().anyMatch(p ->
                            (portName != null && portName.equals(Tree.at(p, "name")))
                                    || (portNumber != null && portNumber.equals(Tree.at(p, "port"))));
                    if (!matches) {
                        problems.add("k8s Ingress backend " + name + ":" + (portName != null ? portName : portNumber) + " does not exist");
                    }
                }
            }
        }
    }

    private Map<String, Object> find(String kind, String name) {
        return documents.stream()
                .filter(d -> kind.equals(d.get("kind")) && Objects.equals(name, Tree.string(d, "metadata.name")))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(Map<String, Object> deployment, String name) {
        return Tree.list(deployment, "spec.template.spec.containers").stream()
                .filter(c -> name.equals(Tree.string(c, "name")))
                .map(c -> (Map<String, Object>) c)
                .findFirst().orElse(null);
    }

    private static Map<String, Integer> containerPorts(Map<String, Object> container) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        if (container != null) {
            for (Object port : Tree.list(container, "ports")) {
                Object number = Tree.at(port, "containerPort");
                String name = Tree.string(port, "name");
                ports.put(name == null ? String.valueOf(number) : name, number instanceof Number n ? n.intValue() : null);
            }
        }
        return ports;
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
        return !selector.isEmpty() && new HashSet<>(labels.entrySet()).containsAll(selector.entrySet());
    }
}
