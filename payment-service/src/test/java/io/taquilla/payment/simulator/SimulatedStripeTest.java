package io.taquilla.payment.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.payments.PaymentFailed;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.payments.PaymentDisputed;
import io.taquilla.contracts.payments.PaymentSucceeded;
import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.payment.provider.CheckoutRequest;
import io.taquilla.payment.provider.OpenedCheckout;
import io.taquilla.payment.provider.RefundOrder;
import io.taquilla.payment.support.Checkouts;
import io.taquilla.payment.support.Orders;
import io.taquilla.payment.support.PaymentTopics;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.web.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The simulator as the local stack runs it (no STRIPE_SECRET_KEY), built by hand here because the
 * one test context talks to WireMock: its page and JSON endpoints, and its signed webhooks going
 * over HTTP through the real endpoint's verification into PaymentSucceeded / Failed / Refunded.
 */
@IntegrationTest
class SimulatedStripeTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;
    @Autowired PaymentProperties properties;

    SimulatedStripe simulator;
    MockMvc page;

    @BeforeEach
    void simulator() {
        simulator = new SimulatedStripe(jdbi, new SimulatedWebhookSender(properties.stripe().webhookSecret(),
                () -> "http://localhost:" + port + "/api/payments/webhooks/stripe"), properties.checkout());
        page = MockMvcBuilders.standaloneSetup(new SimulatorController(simulator)).build();
    }

    @Test
    void theCheckoutPageOffersPayAndDeclineAndPayingSendsSignedWebhooks() throws Exception {
        UUID orderId = UUID.randomUUID();
        OpenedCheckout session = simulatedSession(orderId);
        assertThat(session.url()).isEqualTo("http://localhost:8080/api/payments/simulator/checkout/" + session.sessionId());
        String base = "/api/payments/simulator/checkout/" + session.sessionId();

        page.perform(get(base)).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("Pay EUR 110.00"),
                        org.hamcrest.Matchers.containsString("action=\"" + base + "/decline\""),
                        org.hamcrest.Matchers.containsString("ana@example.com"))));

        page.perform(post(base + "/decline")).andExpect(status().isSeeOther())
                .andExpect(header().string("Location", base + "?declined=1"));
        page.perform(get(base + "?declined=1")).andExpect(content().string(org.hamcrest.Matchers.containsString("declined")));

        page.perform(post(base + "/pay")).andExpect(status().isSeeOther()).andExpect(header().string("Location",
                "https://shop.test/checkout/success?order=" + orderId + "&session_id=" + session.sessionId()));
        PaymentSucceeded paid = PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        assertThat(paid.paymentIntentId()).startsWith("pi_sim_");
        assertThat(paid.amount()).isEqualTo(new Money(Orders.TOTAL, "EUR"));
        assertThat(PaymentTopics.eventsFor(orderId, PaymentFailed.class)).as("a decline keeps the session open").isEmpty();

        assertThatThrownBy(() -> simulator.pay(session.sessionId())).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT));
        page.perform(get(base)).andExpect(content().string(org.hamcrest.Matchers.containsString("is complete")));
        // checkout.session.completed and payment_intent.succeeded both arrived; one PaymentSucceeded.
        Checkouts.open(UUID.randomUUID());
        assertThat(PaymentTopics.eventsFor(orderId, PaymentSucceeded.class)).hasSize(1);
    }

    @Test
    void theJsonEndpointPaysForScriptsAndASimulatedRefundIsConfirmedByWebhook() throws Exception {
        UUID orderId = UUID.randomUUID();
        OpenedCheckout session = simulatedSession(orderId);

        page.perform(post("/api/payments/simulator/sessions/" + session.sessionId() + "/pay"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("paid"))
                .andExpect(jsonPath("$.orderId").value(orderId.toString()))
                .andExpect(jsonPath("$.webhooks[0].type").value("checkout.session.completed"))
                .andExpect(jsonPath("$.webhooks[0].status").value(200))
                .andExpect(jsonPath("$.webhooks[1].type").value("payment_intent.succeeded"));
        PaymentSucceeded paid = PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);

        simulator.refund(new RefundOrder(orderId, paid.paymentIntentId(), paid.amount(), "test", "taquilla-refund-" + orderId));
        PaymentRefunded refunded = PaymentTopics.awaitEvent(orderId, PaymentRefunded.class);
        assertThat(refunded.refundId()).startsWith("re_sim_");
        assertThat(refunded.amount()).isEqualTo(new Money(Orders.TOTAL, "EUR"));
    }

    @Test
    void expiringASimulatedSessionReportsItLikeStripe() {
        UUID orderId = UUID.randomUUID();
        OpenedCheckout session = simulatedSession(orderId);
        simulator.expireCheckout(session.sessionId(), "taquilla-expire-" + orderId);
        assertThat(PaymentTopics.awaitEvent(orderId, PaymentFailed.class).reason()).isEqualTo("checkout session expired");
        assertThatThrownBy(() -> simulator.decline(session.sessionId())).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("is expired");
        assertThatThrownBy(() -> simulator.pay("cs_test_sim_nope")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theSimulatorDisputesAPaidSessionAndClosesTheDisputeLikeStripe() throws Exception {
        UUID orderId = UUID.randomUUID();
        OpenedCheckout session = simulatedSession(orderId);
        String base = "/api/payments/simulator/sessions/" + session.sessionId();
        assertThatThrownBy(() -> simulator.dispute(session.sessionId(), null)).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("only a paid session can be disputed");

        simulator.pay(session.sessionId());
        PaymentSucceeded paid = PaymentTopics.awaitEvent(orderId, PaymentSucceeded.class);
        page.perform(post(base + "/dispute")).andExpect(status().isOk())
                .andExpect(jsonPath("$.webhooks[0].type").value("charge.dispute.created"))
                .andExpect(jsonPath("$.webhooks[0].status").value(200));
        PaymentDisputed opened = PaymentTopics.awaitEvent(orderId, PaymentDisputed.class);
        assertThat(opened.closed()).isFalse();
        assertThat(opened.status()).isEqualTo("needs_response");
        assertThat(opened.reason()).isEqualTo("fraudulent");
        assertThat(opened.amount()).isEqualTo(paid.amount());
        assertThat(opened.disputeId()).startsWith("dp_sim_");

        assertThatThrownBy(() -> simulator.dispute(session.sessionId(), "maybe")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("won or lost");
        page.perform(post(base + "/dispute/won")).andExpect(status().isOk());
        org.awaitility.Awaitility.await().until(() -> PaymentTopics.eventsFor(orderId, PaymentDisputed.class).size() == 2);
        PaymentDisputed closed = PaymentTopics.eventsFor(orderId, PaymentDisputed.class).get(1);
        assertThat(closed.closed()).isTrue();
        assertThat(closed.status()).isEqualTo("won");
        assertThat(closed.disputeId()).isEqualTo(opened.disputeId());
    }

    /** The order is placed through Kafka (its payment exists), then the simulator opens its own session. */
    private OpenedCheckout simulatedSession(UUID orderId) {
        Checkouts.open(orderId);
        OpenedCheckout opened = simulator.openCheckout(new CheckoutRequest(orderId, UUID.randomUUID(), Orders.placed(orderId).lines(),
                new Money(Orders.TOTAL, "EUR"), "ana@example.com", Instant.now().plus(Duration.ofMinutes(45)),
                properties.checkout().successUrlFor(orderId), properties.checkout().cancelUrlFor(orderId),
                "taquilla-checkout-" + orderId));
        assertThat(simulator.openCheckout(new CheckoutRequest(orderId, null, Orders.placed(orderId).lines(),
                new Money(Orders.TOTAL, "EUR"), "ana@example.com", Instant.now().plus(Duration.ofMinutes(45)),
                "x", "y", "taquilla-checkout-" + orderId)).sessionId()).as("idempotent").isEqualTo(opened.sessionId());
        return opened;
    }
}
