package io.taquilla.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system as a newcomer runs it: the packaged services started as processes on embedded
 * infrastructure (on shifted ports, so a running dev stack is not disturbed), then the demo
 * journey, then every metric the Grafana dashboards query is looked up on the services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackJourneyTest {

    private static final Path HOME = SharedStack.HOME;
    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = SharedStack.get();
    }

    @Test
    @Order(1)
    void theDemoJourneyPasses() {
        ByteArrayOutputStream transcript = new ByteArrayOutputStream();
        boolean passed = new DemoJourney(stack.routes(), stack.layout.inboxUrl(), stack.identityAdminToken(), stack.identityDoorToken(),
                new PrintStream(transcript, true, StandardCharsets.UTF_8)).run();
        String text = transcript.toString(StandardCharsets.UTF_8);
        System.out.println(text);
        assertThat(passed).as(text).isTrue();
    }

    @Test
    @Order(2)
    void everyMetricTheDashboardsQueryExists() throws Exception {
        Path list = HOME.resolve("ops/grafana/dashboard-metrics.txt");
        assertThat(list).as("the dashboards' metric list").exists();
        List<String> wanted = Files.readAllLines(list).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertThat(wanted).isNotEmpty();
        StringBuilder scraped = new StringBuilder();
        Http http = new Http();
        for (Map.Entry<String, Integer> service : stack.services.ports().entrySet()) {
            Http.Response response = http.get("http://localhost:" + service.getValue() + "/actuator/prometheus", Map.of());
            assertThat(response.status()).as(service.getKey() + " /actuator/prometheus").isEqualTo(200);
            scraped.append(response.body()).append('\n');
        }
        String all = scraped.toString();
        List<String> missing = wanted.stream()
                .filter(metric -> !all.contains("\n" + metric + "{") && !all.contains("\n" + metric + " "))
                .toList();
        assertThat(missing).as("metrics queried by a dashboard panel but exposed by no service").isEmpty();
    }
}
