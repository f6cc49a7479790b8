package io.taquilla.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Grafana dashboards in ops/grafana/dashboards and the metric names their panels query. */
final class Dashboards {

    static final Path DIRECTORY = Repo.path("ops/grafana/dashboards");
    static final Path METRIC_LIST = Repo.path("ops/grafana/dashboard-metrics.txt");

    private Dashboards() {
    }

    static Map<String, JsonNode> all() {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            files.filter(f -> f.toString().endsWith(".json")).sorted()
                    .forEach(f -> dashboards.put(f.getFileName().toString(), json.readTree(Repo.read(f))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dashboards;
    }

    /** Panels, including those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            for (JsonNode nested : panel.path("panels")) {
                panels.add(nested);
            }
        }
        return panels;
    }

    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    names.addAll(PromQlMetricNames.in(target.get("expr").asString()));
                }
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            String text = query.isObject() ? query.path("query").asString("") : query.asString("");
            if ("query".equals(variable.path("type").asString("")) && !text.isEmpty()) {
                names.addAll(PromQlMetricNames.inVariableQuery(text));
            }
        }
        return names;
    }

    static Set<String> allMetricNames() {
        Set<String> names = new TreeSet<>();
        all().values().forEach(d -> names.addAll(metricNames(d)));
        return names;
    }

    static String metricListText(Set<String> names) {
        return String.join("\n", names) + "\n";
    }
}
