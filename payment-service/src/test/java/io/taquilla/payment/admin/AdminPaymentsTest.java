package io.taquilla.payment.admin;

import static io.taquilla.payment.support.StripeWebhooks.deliver;
import static io.taquilla.payment.support.StripeWebhooks.newEventId;
import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.CheckoutSessionCreated;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.payment.support.Checkouts;
import io.taquilla.payment.support.FakeStripe;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.payment.support.StripeWebhooks;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.TestTokens;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

@IntegrationTest
class AdminPaymentsTest {

    @LocalServerPort int port;

    @Test
    void anAdminSeesAttemptsWebhookEventsAndRefundsOfAnOrder() {
        UUID orderId = UUID.randomUUID();
        CheckoutSessionCreated session = Checkouts.open(orderId);
        String eventId = newEventId();
        deliver(port, StripeWebhooks.sessionCompleted(eventId, orderId, session.sessionId(), "pi_admin_1", Orders.TOTAL, "eur"));
        PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        PaymentTopics.send(new RefundRequested(UUID.randomUUID(), Instant.now(), orderId, new Money(Orders.TOTAL, "EUR"),
                "pi_admin_1", "duplicate booking"));
        Awaitility.await().until(() -> !FakeStripe.requests("/v1/refunds", "pi_admin_1").isEmpty());

        Awaitility.await().untilAsserted(() -> {
            String body = admin().get().uri("/api/admin/payments?orderId=" + orderId).retrieve().body(String.class);
            assertThat(body).contains("\"status\":\"REFUND_PENDING\"", "\"sessionId\":\"" + session.sessionId() + "\"",
                    "\"paymentIntentId\":\"pi_admin_1\"", "\"operation\":\"CREATE_CHECKOUT_SESSION\"",
                    "\"operation\":\"CREATE_REFUND\"", "\"outcome\":\"done\"", "\"id\":\"" + eventId + "\"",
                    "\"type\":\"checkout.session.completed\"", "\"outcome\":\"published\"", "\"reason\":\"duplicate booking\"",
                    "\"status\":\"submitted\"");
        });
    }

    @Test
    void theAdminViewNeedsAnAdminTokenAValidOrderIdAndAKnownOrder() {
        RestClient anonymous = RestClient.create("http://localhost:" + port);
        assertThat(status(anonymous, "/api/admin/payments?orderId=" + UUID.randomUUID())).isEqualTo(401);
        RestClient door = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(TestTokens.door(UUID.randomUUID(), "door-1")))
                .build();
        assertThat(status(door, "/api/admin/payments?orderId=" + UUID.randomUUID())).isEqualTo(403);
        assertThat(status(admin(), "/api/admin/payments?orderId=" + UUID.randomUUID())).isEqualTo(404);
        assertThat(status(admin(), "/api/admin/payments?orderId=not-a-uuid")).isEqualTo(400);
        assertThat(status(admin(), "/api/admin/payments")).isEqualTo(400);
    }

    private RestClient admin() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", TestTokens.bearer(TestTokens.platformAdmin()))
                .build();
    }

    private static int status(RestClient client, String uri) {
        ResponseEntity<String> response = client.get().uri(uri).exchange((request, answer) ->
                ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                        .body(new String(answer.getBody().readAllBytes())));
        HttpStatusCode code = response.getStatusCode();
        if (code.is4xxClientError()) {
            assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .as("problem+json for %s", uri).isTrue();
            assertThat(response.getBody()).as(uri).contains("\"type\":\"https://taquilla.io/problems/");
        }
        return code.value();
    }
}
