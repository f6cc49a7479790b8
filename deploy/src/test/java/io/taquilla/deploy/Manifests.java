package io.taquilla.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The repository's real deployment files, loaded for the checks. */
final class Manifests {

    private Manifests() {
    }

    static Map<String, Object> compose() {
        return Repo.yaml(Repo.path("docker-compose.yml"));
    }

    static Map<String, String> envExample() {
        return ComposeInterpolation.parseDotEnv(Repo.read(Repo.path(".env.example")));
    }

    static Map<String, Object> prometheus() {
        return Repo.yaml(Repo.path("ops/prometheus/prometheus.yml"));
    }

    static Map<String, Object> kustomization() {
        return Repo.yaml(Repo.path("k8s/kustomization.yaml"));
    }

    /** Every document of every file kustomization.yaml lists. */
    static List<Map<String, Object>> kubernetes() {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object resource : Tree.list(kustomization(), "resources")) {
            Path file = Repo.path("k8s").resolve(String.valueOf(resource));
            documents.addAll(Repo.yamlDocuments(Repo.read(file)));
        }
        return documents;
    }

    static Set<String> secretTemplateKeys() {
        return new TreeSet<>(Tree.map(Repo.yaml(Repo.path("k8s/secret.template.yaml")), "stringData").keySet());
    }
}
