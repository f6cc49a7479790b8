package io.taquilla.payment.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import io.taquilla.contracts.common.Money;
import io.taquilla.payment.webhook.StripeEventTranslator;
import io.taquilla.payment.webhook.StripeSignal;
import io.taquilla.payment.webhook.StripeSignature;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The simulator's bodies and signatures are what stripe-java itself accepts, and mean what they say. */
class SimulatedEventsTest {

    static final UUID ORDER = UUID.randomUUID();
    static final SimulatedSession SESSION = new SimulatedSession("cs_test_sim_1", ORDER, 4200, "EUR", "a@b.c",
            "https://s", "https://c", "pi_sim_abc", "open", Instant.now().plusSeconds(3600));

    @Test
    void stripeJavaVerifiesOurSignatureAndParsesOurEvents() throws Exception {
        String payload = SimulatedEvents.checkoutCompleted(SESSION);
        String header = StripeSignature.header(payload, "whsec_x", Instant.now().getEpochSecond());
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");

        Event event = Webhook.constructEvent(payload, header, "whsec_x", 300);
        assertThat(event.getType()).isEqualTo("checkout.session.completed");
        assertThat(event.getLivemode()).isFalse();
        assertThat(event.getId()).startsWith("evt_sim_");

        assertThatThrownBy(() -> Webhook.constructEvent(payload, header, "whsec_other", 300))
                .isInstanceOf(SignatureVerificationException.class);
        String stale = StripeSignature.header(payload, "whsec_x", Instant.now().getEpochSecond() - 301);
        assertThatThrownBy(() -> Webhook.constructEvent(payload, stale, "whsec_x", 300))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void eachSimulatedEventTranslatesToItsSignal() {
        StripeSignal completed = StripeEventTranslator.translate("checkout.session.completed", SimulatedEvents.checkoutCompleted(SESSION));
        assertThat(completed).isEqualTo(new StripeSignal(StripeSignal.Kind.PAID, ORDER, "cs_test_sim_1", "pi_sim_abc",
                new Money(4200, "EUR"), null, null));

        StripeSignal intent = StripeEventTranslator.translate("payment_intent.succeeded", SimulatedEvents.paymentSucceeded(SESSION));
        assertThat(intent.kind()).isEqualTo(StripeSignal.Kind.PAID);
        assertThat(intent.paymentIntentId()).isEqualTo("pi_sim_abc");
        assertThat(intent.money()).isEqualTo(new Money(4200, "EUR"));

        StripeSignal failed = StripeEventTranslator.translate("payment_intent.payment_failed", SimulatedEvents.paymentFailed(SESSION));
        assertThat(failed.kind()).isEqualTo(StripeSignal.Kind.DECLINED);
        assertThat(failed.reason()).isEqualTo("Your card was declined. (generic_decline)");

        StripeSignal expired = StripeEventTranslator.translate("checkout.session.expired", SimulatedEvents.checkoutExpired(SESSION));
        assertThat(expired.kind()).isEqualTo(StripeSignal.Kind.FAILED);
        assertThat(expired.sessionId()).isEqualTo("cs_test_sim_1");

        StripeSignal refunded = StripeEventTranslator.translate("charge.refunded",
                SimulatedEvents.chargeRefunded(ORDER, "pi_sim_abc", 4200, "EUR", "re_sim_1"));
        assertThat(refunded).isEqualTo(new StripeSignal(StripeSignal.Kind.REFUNDED, ORDER, null, "pi_sim_abc",
                new Money(4200, "EUR"), "re_sim_1", null, true));
    }

    @Test
    void anUnpaidCompletedSessionWaitsForItsAsynchronousPayment() {
        String unpaid = SimulatedEvents.checkoutCompleted(SESSION).replace("\"payment_status\":\"paid\"", "\"payment_status\":\"unpaid\"");
        StripeSignal signal = StripeEventTranslator.translate("checkout.session.completed", unpaid);
        assertThat(signal.kind()).isEqualTo(StripeSignal.Kind.NOT_YET);
        assertThat(StripeEventTranslator.translate("invoice.paid", unpaid).kind()).isEqualTo(StripeSignal.Kind.UNKNOWN);
    }
}
