package io.taquilla.payment.attempt.domain;

import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.EXPIRE_SESSION;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.NONE;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.PUBLISH_CHECKOUT_SESSION_CREATED;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.PUBLISH_PAYMENT_FAILED;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.PUBLISH_PAYMENT_FLAGGED;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.PUBLISH_PAYMENT_REFUNDED;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.PUBLISH_PAYMENT_SUCCEEDED;
import static io.taquilla.payment.attempt.domain.PaymentDecision.Effect.REQUEST_REFUND;
import static io.taquilla.payment.attempt.domain.PaymentStatus.AWAITING_SESSION;
import static io.taquilla.payment.attempt.domain.PaymentStatus.CANCELLED;
import static io.taquilla.payment.attempt.domain.PaymentStatus.FAILED;
import static io.taquilla.payment.attempt.domain.PaymentStatus.FLAGGED;
import static io.taquilla.payment.attempt.domain.PaymentStatus.OPEN;
import static io.taquilla.payment.attempt.domain.PaymentStatus.REFUNDED;
import static io.taquilla.payment.attempt.domain.PaymentStatus.REFUND_PENDING;
import static io.taquilla.payment.attempt.domain.PaymentStatus.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.common.Money;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PaymentLifecycleTest {

    static final Money ORDER = new Money(11000, "EUR");

    @Test
    void anOpenSessionIsPaidOnceThenRefunded() {
        PaymentDecision opened = PaymentLifecycle.sessionCreated(AWAITING_SESSION);
        assertThat(opened).isEqualTo(new PaymentDecision(OPEN, PUBLISH_CHECKOUT_SESSION_CREATED, "checkout session open"));

        PaymentDecision paid = PaymentLifecycle.paid(OPEN, ORDER, new Money(11000, "eur"));
        assertThat(paid.next()).isEqualTo(SUCCEEDED);
        assertThat(paid.effect()).isEqualTo(PUBLISH_PAYMENT_SUCCEEDED);

        assertThat(PaymentLifecycle.refundRequested(SUCCEEDED).effect()).isEqualTo(REQUEST_REFUND);
        assertThat(PaymentLifecycle.refunded(REFUND_PENDING).effect()).isEqualTo(PUBLISH_PAYMENT_REFUNDED);
    }

    @Test
    void theSecondSuccessSignalOfOnePaymentPublishesNothing() {
        // Stripe sends checkout.session.completed and payment_intent.succeeded for one payment.
        PaymentDecision again = PaymentLifecycle.paid(SUCCEEDED, ORDER, ORDER);
        assertThat(again.effect()).isEqualTo(NONE);
        assertThat(again.next()).isEqualTo(SUCCEEDED);
        assertThat(again.reason()).isEqualTo("payment already succeeded");
    }

    @Test
    void aWrongAmountOrCurrencyIsFlaggedNotConfirmed() {
        PaymentDecision tooLittle = PaymentLifecycle.paid(OPEN, ORDER, new Money(100, "EUR"));
        assertThat(tooLittle.next()).isEqualTo(FLAGGED);
        assertThat(tooLittle.effect()).isEqualTo(PUBLISH_PAYMENT_FLAGGED);
        assertThat(tooLittle.reason()).isEqualTo("received 100 EUR but the order is 11000 EUR");

        assertThat(PaymentLifecycle.paid(OPEN, ORDER, new Money(11000, "usd")).effect()).isEqualTo(PUBLISH_PAYMENT_FLAGGED);
        assertThat(PaymentLifecycle.paid(FLAGGED, ORDER, ORDER).effect()).isEqualTo(NONE);
    }

    @Test
    void aRefundBeforeTheSuccessKeepsThePaymentRefunded() {
        PaymentDecision refunded = PaymentLifecycle.refunded(OPEN);
        assertThat(refunded.next()).isEqualTo(REFUNDED);
        PaymentDecision lateSuccess = PaymentLifecycle.paid(REFUNDED, ORDER, ORDER);
        assertThat(lateSuccess.next()).isEqualTo(REFUNDED);
        assertThat(lateSuccess.effect()).isEqualTo(NONE);
        assertThat(PaymentLifecycle.failed(REFUNDED).next()).isEqualTo(REFUNDED);
        assertThat(PaymentLifecycle.refunded(REFUNDED).effect()).isEqualTo(NONE);
    }

    @Test
    void aFailureAfterSuccessIsIgnoredAndOnlyTheFirstFailurePublishes() {
        assertThat(PaymentLifecycle.failed(SUCCEEDED)).isEqualTo(new PaymentDecision(SUCCEEDED, NONE, "payment already succeeded"));
        assertThat(PaymentLifecycle.failed(OPEN).effect()).isEqualTo(PUBLISH_PAYMENT_FAILED);
        assertThat(PaymentLifecycle.failed(FAILED).effect()).isEqualTo(NONE);
        assertThat(PaymentLifecycle.failed(CANCELLED).effect()).isEqualTo(NONE);
    }

    @Test
    void aPaymentAfterFailureOrCancellationStillCountsSoOrderServiceCanDecide() {
        assertThat(PaymentLifecycle.paid(FAILED, ORDER, ORDER).effect()).isEqualTo(PUBLISH_PAYMENT_SUCCEEDED);
        assertThat(PaymentLifecycle.paid(CANCELLED, ORDER, ORDER).effect()).isEqualTo(PUBLISH_PAYMENT_SUCCEEDED);
    }

    @Test
    void closingTheOrderExpiresAnOpenSessionButLeavesAPaidOneAlone() {
        assertThat(PaymentLifecycle.orderClosed(OPEN)).isEqualTo(new PaymentDecision(CANCELLED, EXPIRE_SESSION, "order closed"));
        assertThat(PaymentLifecycle.orderClosed(FAILED).effect()).isEqualTo(EXPIRE_SESSION);
        assertThat(PaymentLifecycle.orderClosed(AWAITING_SESSION)).isEqualTo(
                new PaymentDecision(CANCELLED, NONE, "order closed before its session was created"));
        assertThat(PaymentLifecycle.orderClosed(SUCCEEDED).next()).isEqualTo(SUCCEEDED);
        // A session created after the order closed is expired straight away.
        assertThat(PaymentLifecycle.sessionCreated(CANCELLED).effect()).isEqualTo(EXPIRE_SESSION);
        assertThat(PaymentLifecycle.sessionCreated(OPEN).effect()).isEqualTo(NONE);
    }

    @Test
    void aRepeatedRefundRequestDoesNotRefundTwice() {
        assertThat(PaymentLifecycle.refundRequested(REFUND_PENDING).effect()).isEqualTo(NONE);
        assertThat(PaymentLifecycle.refundRequested(REFUNDED).effect()).isEqualTo(NONE);
    }

    @ParameterizedTest
    @EnumSource(PaymentStatus.class)
    void noSignalEverMovesAPaymentToALowerRank(PaymentStatus start) {
        List<UnaryOperator<PaymentStatus>> signals = List.of(
                s -> PaymentLifecycle.sessionCreated(s).next(),
                s -> PaymentLifecycle.paid(s, ORDER, ORDER).next(),
                s -> PaymentLifecycle.paid(s, ORDER, new Money(1, "EUR")).next(),
                s -> PaymentLifecycle.failed(s).next(),
                s -> PaymentLifecycle.refunded(s).next(),
                s -> PaymentLifecycle.refundRequested(s).next());
        Random random = new Random(start.ordinal());
        for (int run = 0; run < 200; run++) {
            PaymentStatus status = start;
            List<PaymentStatus> path = new ArrayList<>(List.of(status));
            for (int step = 0; step < 8; step++) {
                PaymentStatus next = signals.get(random.nextInt(signals.size())).apply(status);
                assertThat(next.rank()).as("path %s then %s", path, next).isGreaterThanOrEqualTo(status.rank());
                status = next;
                path.add(status);
            }
        }
    }

    @Test
    void onlySettledStatesCountAsMoneyTaken() {
        assertThat(EnumSet.allOf(PaymentStatus.class).stream().filter(PaymentStatus::settled))
                .containsExactlyInAnyOrder(SUCCEEDED, FLAGGED, REFUND_PENDING, REFUNDED);
    }

    @Test
    void aDeclineNeverEndsThePayment() {
        for (PaymentStatus status : PaymentStatus.values()) {
            PaymentDecision decision = PaymentLifecycle.declined(status);
            assertThat(decision.next()).isEqualTo(status);
            assertThat(decision.effect()).isEqualTo(NONE);
        }
    }

    @Test
    void aPartialRefundPublishesOnlyAnIncreaseAndKeepsThePaymentCaptured() {
        PaymentDecision first = PaymentLifecycle.partiallyRefunded(SUCCEEDED, 0, 100);
        assertThat(first.next()).isEqualTo(SUCCEEDED);
        assertThat(first.effect()).isEqualTo(PaymentDecision.Effect.PUBLISH_PAYMENT_REFUNDED);
        assertThat(PaymentLifecycle.partiallyRefunded(SUCCEEDED, 100, 100).effect()).isEqualTo(NONE);
        assertThat(PaymentLifecycle.partiallyRefunded(SUCCEEDED, 300, 100).effect()).isEqualTo(NONE);
        assertThat(PaymentLifecycle.partiallyRefunded(REFUNDED, 0, 100).effect()).isEqualTo(NONE);
    }
}
