package io.taquilla.payment.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventPublished;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.Venue;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.messaging.EventJson;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestKafka;
import io.taquilla.testsupport.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

/** The payment admin view is the organizer's own: another organizer's payment does not exist. */
@IntegrationTest
class PaymentOwnershipTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void onlyTheOwningOrganizersStaffAndPlatformAdminsSeeAPayment() {
        UUID owner = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        announce(event, owner);
        await().until(() -> jdbi.withHandle(h -> h.createQuery("select count(*) from event_owner where catalog_event_id = :e")
                .bind("e", event).mapTo(Integer.class).one()) == 1);
        UUID orderId = UUID.randomUUID();
        PaymentTopics.send(Orders.placed(orderId, event));
        PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
        String path = "/api/admin/payments?orderId=" + orderId;

        assertThat(status(TestTokens.organizerAdmin(owner), path)).isEqualTo(200);
        assertThat(status(TestTokens.organizerStaff(owner), path)).isEqualTo(200);
        assertThat(status(TestTokens.platformAdmin(), path)).isEqualTo(200);
        UUID other = UUID.randomUUID();
        assertThat(status(TestTokens.organizerAdmin(other), path)).isEqualTo(404);
        assertThat(status(TestTokens.organizerStaff(other), path)).isEqualTo(404);
        assertThat(body(TestTokens.organizerAdmin(other), path)).contains("not-found").doesNotContain("ana@example.com");
        assertThat(status(TestTokens.door(owner, "door-1"), path)).isEqualTo(403);
    }

    @Test
    void aPaymentForAnEventWithUnknownOwnerIsForPlatformAdminsOnly() {
        UUID orderId = UUID.randomUUID();
        PaymentTopics.send(Orders.placed(orderId));
        PaymentTopics.awaitEvent(orderId, CheckoutSessionCreated.class);
        String path = "/api/admin/payments?orderId=" + orderId;
        assertThat(status(TestTokens.platformAdmin(), path)).isEqualTo(200);
        assertThat(status(TestTokens.organizerAdmin(UUID.randomUUID()), path)).isEqualTo(404);
    }

    static void announce(UUID event, UUID organizer) {
        Instant starts = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        EventPublished published = new EventPublished(UUID.randomUUID(), Instant.now(), new EventSnapshot(event, organizer,
                "e-" + event, "Owned night", "", new Venue("Sala", "Calle 1", "Madrid", "Europe/Madrid"), starts,
                starts.minus(1, ChronoUnit.HOURS), Instant.now(), starts, 100, "PUBLISHED", 1, List.of()));
        TestKafka.send(Topics.CATALOG_EVENT, event.toString(), "EventPublished", published.eventId().toString(),
                EventJson.MAPPER.writeValueAsString(published));
    }

    private int status(String token, String path) {
        return client(token).get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    }

    private String body(String token, String path) {
        return client(token).get().uri(path).exchange((request, response) -> new String(response.getBody().readAllBytes()));
    }

    private RestClient client(String token) {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(token)).build();
    }
}
