package io.taquilla.order.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.catalog.EventCancelled;
import io.taquilla.contracts.catalog.EventSnapshot;
import io.taquilla.contracts.catalog.TicketTypeSnapshot;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.order.support.Events;
import io.taquilla.order.support.Http;
import io.taquilla.order.support.Kafka;
import io.taquilla.order.support.Orders;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every admin route of order-service against the organizer that owns the order's event, and against others. */
@IntegrationTest
class OrderOwnershipTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    Http http;
    final UUID owner = UUID.randomUUID();
    final UUID other = UUID.randomUUID();
    TicketTypeSnapshot ga;
    EventSnapshot event;

    @BeforeEach
    void publishEvent() {
        http = new Http(port);
        ga = Events.type("GA", 2000, 10, 4);
        event = Events.publish(jdbi, Events.onSaleBy(owner, ga));
    }

    private UUID place() {
        return UUID.fromString(http.placeOrder(event.catalogEventId(), ga.ticketTypeId(), 1).text("orderId"));
    }

    private static String[] as(String token) {
        return new String[] {"Authorization", TestTokens.bearer(token)};
    }

    @Test
    void anotherOrganizersOrderIsNotFoundAndStaysUnchanged() {
        UUID order = place();
        for (String intruder : new String[] {TestTokens.organizerAdmin(other), TestTokens.organizerStaff(other)}) {
            Http.Response view = http.get("/api/admin/orders/" + order, as(intruder));
            assertThat(view.status()).isEqualTo(404);
            assertThat(view.isProblem()).isTrue();
            assertThat(view.body()).doesNotContain("buyer@example.com");
            assertThat(http.post("/api/admin/orders/" + order + "/cancel", "{}", as(intruder)).status()).isEqualTo(404);
            assertThat(http.post("/api/admin/orders/" + order + "/refund", "{}", as(intruder)).status()).isEqualTo(404);
        }
        assertThat(Orders.status(jdbi, order)).isEqualTo("AWAITING_PAYMENT");
    }

    @Test
    void staffReadTheirOrganizersOrdersButCannotCancelOrRefund() {
        UUID order = place();
        String staff = TestTokens.organizerStaff(owner);
        Http.Response view = http.get("/api/admin/orders/" + order, as(staff));
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.text("customerEmail")).isEqualTo("buyer@example.com");
        Http.Response cancel = http.post("/api/admin/orders/" + order + "/cancel", "{}", as(staff));
        assertThat(cancel.status()).isEqualTo(403);
        assertThat(cancel.isProblem()).isTrue();

        Kafka.publish(Topics.PAYMENTS_PAYMENT, new PaymentSucceeded(UUID.randomUUID(), Instant.now(), order,
                new Money(2000, "EUR"), "pi_staff", "stripe"));
        Orders.awaitStatus(jdbi, order, "CONFIRMED");
        assertThat(http.post("/api/admin/orders/" + order + "/refund", "{}", as(staff)).status()).isEqualTo(403);
        assertThat(Orders.status(jdbi, order)).isEqualTo("CONFIRMED");

        Http.Response refund = http.post("/api/admin/orders/" + order + "/refund", "{}", as(TestTokens.organizerAdmin(owner)));
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
    }

    @Test
    void anotherOrganizersEventCancellationReadsAsNotCancelled() {
        EventSnapshot cancelled = Events.with(event, "CANCELLED", event.salesStartAt(), event.salesEndAt(), event.ticketTypes());
        Kafka.publish(Topics.CATALOG_EVENT, new EventCancelled(UUID.randomUUID(), Instant.now(), cancelled));
        String path = "/api/admin/events/" + event.catalogEventId() + "/cancellation";
        org.awaitility.Awaitility.await().until(() -> http.get(path, as(TestTokens.organizerStaff(owner))).status() == 200);
        Http.Response intruder = http.get(path, as(TestTokens.organizerAdmin(other)));
        assertThat(intruder.status()).isEqualTo(404);
        assertThat(intruder.body()).contains("event-not-cancelled");
        assertThat(http.get(path, as(TestTokens.platformAdmin())).status()).isEqualTo(200);
    }

    @Test
    void theOwnersAdminAndAPlatformAdminMayCancel() {
        UUID first = place();
        assertThat(http.post("/api/admin/orders/" + first + "/cancel", "{}", as(TestTokens.organizerAdmin(owner))).status())
                .isEqualTo(200);
        UUID second = place();
        assertThat(http.get("/api/admin/orders/" + second, as(TestTokens.platformAdmin())).status()).isEqualTo(200);
        assertThat(http.post("/api/admin/orders/" + second + "/cancel", "{}", as(TestTokens.platformAdmin())).status())
                .isEqualTo(200);
        assertThat(http.get("/api/admin/orders/" + second, as(TestTokens.door(owner, "door-1"))).status()).isEqualTo(403);
    }
}
