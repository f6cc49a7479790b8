package io.taquilla.deploy;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks docker-compose.yml (as if .env were a copy of .env.example) against the modules: images
 * built from the right module, ports, health checks, environment names each service really reads,
 * the gateway's upstreams, Prometheus targets and the documentation of every variable.
 */
final class ComposeCheck {

    private final Map<String, ServiceFacts> facts;
    private final List<String> problems = new ArrayList<>();

    private ComposeCheck(Map<String, ServiceFacts> facts) {
        this.facts = facts;
    }

    /**
     * @param compose    docker-compose.yml as parsed (before interpolation)
     * @param dotEnv     the values of .env.example
     * @param prometheus ops/prometheus/prometheus.yml as parsed
     * @param existing   tells whether a repo-relative path exists (Dockerfile, mounted directories)
     */
    static List<String> check(Map<String, Object> compose, Map<String, String> dotEnv, Map<String, Object> prometheus,
                              Map<String, ServiceFacts> facts, java.util.function.Predicate<String> existing) {
        ComposeCheck check = new ComposeCheck(facts);
        ComposeInterpolation interpolation = new ComposeInterpolation(dotEnv);
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) interpolation.applyTree(compose);
        check.problems.addAll(interpolation.problems());
        for (String variable : interpolation.usedVariables()) {
            if (!dotEnv.containsKey(variable)) {
                check.problems.add("compose uses ${" + variable + "} but .env.example does not document it");
            }
        }
        Map<String, Object> services = Tree.map(resolved, "services");
        for (String module : facts.keySet()) {
            if (!services.containsKey(module)) {
                check.problems.add("compose has no service " + module);
                continue;
            }
            check.service(module, Tree.map(services, module), services, existing);
        }
        services.forEach((name, service) -> Tree.list(service, "volumes").forEach(volume -> {
            String source = String.valueOf(volume).split(":")[0];
            if (source.startsWith("./") && !existing.test(source.substring(2))) {
                check.problems.add(name + " mounts " + source + ", which does not exist");
            }
        }));
        check.prometheus(prometheus);
        return check.problems;
    }

    private void service(String module, Map<String, Object> service, Map<String, Object> all,
                         java.util.function.Predicate<String> existing) {
        ServiceFacts fact = facts.get(module);
        String where = "compose " + module + ": ";
        String moduleArg = Tree.string(service, "build.args.MODULE");
        if (!module.equals(moduleArg)) {
            problems.add(where + "image built from MODULE=" + moduleArg + ", expected " + module);
        }
        String dockerfile = Tree.string(service, "build.dockerfile");
        if (dockerfile == null || !existing.test(dockerfile)) {
            problems.add(where + "Dockerfile " + dockerfile + " does not exist");
        }
        String image = Tree.string(service, "image");
        if (image == null || !image.matches("(.+/)?" + module + ":[\\w.-]+")) {
            problems.add(where + "image " + image + " is not named after the module");
        }

        Map<String, String> env = environment(service);
        int port = fact.port() == null ? -1 : fact.port();
        if (env.containsKey("SERVER_PORT") && !env.get("SERVER_PORT").equals(String.valueOf(port))) {
            problems.add(where + "SERVER_PORT=" + env.get("SERVER_PORT") + " but application.yaml has server.port " + port);
        }
        String buildPort = Tree.string(service, "build.args.PORT");
        if (buildPort != null && !buildPort.equals(String.valueOf(port))) {
            problems.add(where + "image built with PORT=" + buildPort + " but the service listens on " + port);
        }
        Set<String> containerPorts = new TreeSet<>();
        Tree.list(service, "expose").forEach(p -> containerPorts.add(String.valueOf(p)));
        Tree.list(service, "ports").forEach(p -> {
            String[] parts = String.valueOf(p).split(":");
            containerPorts.add(parts[parts.length - 1].replace("/tcp", ""));
        });
        if (!containerPorts.contains(String.valueOf(port))) {
            problems.add(where + "exposes " + containerPorts + " but the service listens on " + port);
        }
        List<Object> health = Tree.list(service, "healthcheck.test");
        if (!String.valueOf(health).contains("/actuator/health/readiness")) {
            problems.add(where + "healthcheck does not ask /actuator/health/readiness: " + health);
        }
        problems.addAll(EnvironmentCheck.check(where, fact, env.keySet()));
        if (module.equals("api-gateway")) {
            RuntimeContract.GATEWAY_UPSTREAMS.forEach((variable, target) ->
                    upstream(where, variable, env.get(variable), target, all));
        }
        if (module.equals("notification-service") && env.containsKey("SMTP_HOST") && !all.containsKey(env.get("SMTP_HOST"))
                && env.get("SMTP_HOST").equals("mailpit")) {
            problems.add(where + "SMTP_HOST is mailpit but there is no mailpit service");
        }
        Object dependsOn = service.get("depends_on");
        Iterable<?> dependencies = dependsOn instanceof Map<?, ?> m ? m.keySet() : dependsOn instanceof List<?> l ? l : List.of();
        for (Object dependency : dependencies) {
            if (!all.containsKey(String.valueOf(dependency))) {
                problems.add(where + "depends on unknown service " + dependency);
            }
        }
    }

    private void upstream(String where, String variable, String url, String target, Map<String, Object> all) {
        if (url == null) {
            return; // reported as a missing required variable
        }
        URI uri = URI.create(url);
        if (!target.equals(uri.getHost()) || !all.containsKey(uri.getHost())) {
            problems.add(where + variable + "=" + url + " does not point at the " + target + " service");
        } else if (uri.getPort() != facts.get(target).port()) {
            problems.add(where + variable + "=" + url + " but " + target + " listens on " + facts.get(target).port());
        }
    }

    private void prometheus(Map<String, Object> prometheus) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (Object job : Tree.list(prometheus, "scrape_configs")) {
            String path = Tree.string(job, "metrics_path");
            for (Object group : Tree.list(job, "static_configs")) {
                for (Object target : Tree.list(group, "targets")) {
                    targets.put(String.valueOf(target), path);
                }
            }
        }
        facts.forEach((module, fact) -> {
            String target = module + ":" + fact.port();
            if (!targets.containsKey(target)) {
                problems.add("prometheus does not scrape " + target + " (targets: " + targets.keySet() + ")");
            } else if (!"/actuator/prometheus".equals(targets.get(target))) {
                problems.add("prometheus scrapes " + target + " at " + targets.get(target) + ", not /actuator/prometheus");
            }
        });
    }

    /** The service's environment as name → value, whether written as a map or as KEY=value items. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? "" : entry.substring(eq + 1));
            }
        }
        return env;
    }
}
