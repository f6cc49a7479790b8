package io.taquilla.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.ServiceArchitecture;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@IntegrationTest
class PaymentServiceTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void startsHealthyWithProbesAndMessagingMetrics() {
        RestClient http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health").retrieve().body(String.class)).contains("\"status\":\"UP\"");
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("UP");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("UP");
        String metrics = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("taquilla_outbox_backlog", "taquilla_outbox_oldest_age_seconds",
                "application=\"payment-service\"");
    }

    @Test
    void migratesItsOwnSchema() {
        List<String> tables = jdbi.withHandle(h -> h.createQuery(
                "select table_name from information_schema.tables where table_schema = 'payments'")
                .mapTo(String.class).list());
        assertThat(tables).contains("outbox", "inbox", "flyway_schema_history", "payment_attempts", "stripe_calls",
                "stripe_events", "refunds", "simulated_sessions");
    }

    @Test
    void keepsToItsOwnModuleAndKeepsTheDomainPlain() {
        ServiceArchitecture.check("payment");
    }
}
