package io.taquilla.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * ops/grafana/dashboard-metrics.txt lists every metric a dashboard panel queries (the local-stack
 * test scrapes the running services and fails if one is missing). Regenerate it with
 * {@code ./mvnw -pl deploy test -Dtest=DashboardMetricsTest -Dupdate.dashboard.metrics=true}.
 */
class DashboardMetricsTest {

    @Test
    void theMetricListIsUpToDate() throws IOException {
        String expected = Dashboards.metricListText(Dashboards.allMetricNames());
        if (Boolean.getBoolean("update.dashboard.metrics")) {
            Files.writeString(Dashboards.METRIC_LIST, expected);
        }
        assertThat(Files.exists(Dashboards.METRIC_LIST)).as(Dashboards.METRIC_LIST + " exists").isTrue();
        assertThat(Files.readString(Dashboards.METRIC_LIST))
                .as("ops/grafana/dashboard-metrics.txt is stale: rerun with -Dupdate.dashboard.metrics=true")
                .isEqualTo(expected);
    }

    @Test
    void everyMetricADashboardQueriesIsRegisteredByCode() {
        MetersInCode meters = MetersInCode.scan(Repo.root());
        Set<String> unknown = new TreeSet<>();
        Dashboards.allMetricNames().stream().filter(m -> !meters.registers(m)).forEach(unknown::add);

        assertThat(unknown).as("metrics no Counter/Timer/Gauge in the code registers").isEmpty();
    }

    @Test
    void everyAlertQueriesMetricsTheCodeRegisters() {
        MetersInCode meters = MetersInCode.scan(Repo.root());
        Set<String> unknown = new TreeSet<>();
        for (Object group : Tree.list(Repo.yaml(Repo.path("ops/prometheus/alerts.yml")), "groups")) {
            for (Object rule : Tree.list(group, "rules")) {
                String expr = Tree.string(rule, "expr");
                assertThat(PromQlMetricNames.in(expr)).as(Tree.string(rule, "alert")).isNotEmpty();
                PromQlMetricNames.in(expr).stream().filter(m -> !m.equals("up") && !meters.registers(m)).forEach(unknown::add);
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyPanelQueriesPrometheusAndEveryDashboardIsDistinct() {
        Set<String> uids = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : Dashboards.all().entrySet()) {
            JsonNode dashboard = entry.getValue();
            assertThat(uids.add(dashboard.path("uid").asString())).as(entry.getKey() + " uid is unique").isTrue();
            assertThat(entry.getKey()).isEqualTo(dashboard.path("uid").asString() + ".json");
            for (JsonNode panel : Dashboards.panels(dashboard)) {
                if (panel.path("type").asString().equals("row")) {
                    continue;
                }
                String title = entry.getKey() + " / " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString()).as(title).isEqualTo("prometheus");
                assertThat(panel.path("targets").isEmpty()).as(title + " has queries").isFalse();
                panel.path("targets").forEach(t ->
                        assertThat(PromQlMetricNames.in(t.path("expr").asString())).as(title + ": " + t.path("expr")).isNotEmpty());
            }
        }
        assertThat(uids).contains("taquilla-sales", "taquilla-availability", "taquilla-payments", "taquilla-door",
                "taquilla-messaging", "taquilla-http");
    }

    @Test
    void theProvisionedDataSourceIsTheOneThePanelsName() {
        Map<String, Object> datasources = Repo.yaml(Repo.path("ops/grafana/provisioning/datasources/prometheus.yaml"));
        assertThat(Tree.string(Tree.list(datasources, "datasources").get(0), "uid")).isEqualTo("prometheus");
    }

    // --- the extraction itself ---------------------------------------------------------------

    @Test
    void extractsMetricsNotFunctionsLabelsOrVariables() {
        assertThat(PromQlMetricNames.in(
                "histogram_quantile(0.99, sum by (le, application) (rate(taquilla_outbox_publish_latency_seconds_bucket{application=~\"$application\"}[$__rate_interval])))"))
                .containsExactly("taquilla_outbox_publish_latency_seconds_bucket");
        assertThat(PromQlMetricNames.in(
                "sum(increase(taquilla_orders_confirmed_total[1h])) / clamp_min(sum(increase(taquilla_orders_placed_total[1h])), 1)"))
                .containsExactly("taquilla_orders_confirmed_total", "taquilla_orders_placed_total");
        assertThat(PromQlMetricNames.in("a_total offset 5m and on (job) b_total > bool 1e3 unless c"))
                .containsExactly("a_total", "b_total", "c");
        assertThat(PromQlMetricNames.in("sum without (instance) (up{job=\"x\"}) * 60")).containsExactly("up");
    }

    @Test
    void readsTheMetricOfAVariableQuery() {
        assertThat(PromQlMetricNames.inVariableQuery("label_values(taquilla_inventory_available{event!=\"\"}, event)"))
                .containsExactly("taquilla_inventory_available");
        assertThat(PromQlMetricNames.inVariableQuery("label_values(application)")).isEmpty();
    }

    @Test
    void aStaleListOrAnUnregisteredMetricIsNoticed() {
        MetersInCode meters = new MetersInCode();
        meters.read("""
                Counter.builder("taquilla.scanner.scans").register(r);
                Timer.builder("taquilla.scanner.scan.latency").register(r);
                meters.gauge("taquilla.outbox.backlog", backlog);
                Counter.builder("taquilla.orders." + outcome).register(r);
                """);

        assertThat(meters.registers("taquilla_scanner_scans_total")).isTrue();
        assertThat(meters.registers("taquilla_scanner_scan_latency_seconds_bucket")).isTrue();
        assertThat(meters.registers("taquilla_outbox_backlog")).isTrue();
        assertThat(meters.registers("taquilla_orders_placed_total")).isTrue();
        assertThat(meters.registers("http_server_requests_seconds_count")).isTrue();
        assertThat(meters.registers("taquilla_scanner_scans")).isFalse();
        assertThat(meters.registers("taquilla_scanner_admissions_total")).isFalse();
        assertThat(Dashboards.metricListText(new TreeSet<>(Set.of("b", "a")))).isEqualTo("a\nb\n");
    }
}
