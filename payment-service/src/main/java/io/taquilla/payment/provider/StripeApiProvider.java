package io.taquilla.payment.provider;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Refund;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import io.taquilla.contracts.ordering.OrderLine;
import java.time.Instant;
import java.util.Locale;

/** The real Stripe API through stripe-java ({@code STRIPE_SECRET_KEY} set). */
public class StripeApiProvider implements PaymentProvider {

    private final StripeClient stripe;

    public StripeApiProvider(StripeClient stripe) {
        this.stripe = stripe;
    }

    @Override
    public OpenedCheckout openCheckout(CheckoutRequest request) throws StripeException {
        String currency = request.total().currency().toLowerCase(Locale.ROOT);
        String orderId = request.orderId().toString();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setCurrency(currency)
                .setCustomerEmail(request.customerEmail())
                .setClientReferenceId(orderId)
                .putMetadata("orderId", orderId)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("orderId", orderId)
                        .build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl())
                .setExpiresAt(request.expiresAt().getEpochSecond());
        if (request.catalogEventId() != null) {
            params.putMetadata("catalogEventId", request.catalogEventId().toString());
        }
        if (linesAddUp(request)) {
            for (OrderLine line : request.lines()) {
                params.addLineItem(lineItem(currency, line.ticketTypeName(), line.unitPrice().amountMinor(), line.quantity()));
            }
        } else {
            // Fees or discounts the lines do not show: charge exactly the order total.
            params.addLineItem(lineItem(currency, "Order " + orderId, request.total().amountMinor(), 1));
        }
        Session session = stripe.v1().checkout().sessions().create(params.build(), idempotent(request.idempotencyKey()));
        Instant expiresAt = session.getExpiresAt() == null ? request.expiresAt() : Instant.ofEpochSecond(session.getExpiresAt());
        return new OpenedCheckout(session.getId(), session.getUrl(), expiresAt);
    }

    @Override
    public void expireCheckout(String sessionId, String idempotencyKey) throws StripeException {
        stripe.v1().checkout().sessions().expire(sessionId, idempotent(idempotencyKey));
    }

    @Override
    public SubmittedRefund refund(RefundOrder request) throws StripeException {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntentId())
                .setAmount(request.amount().amountMinor())
                .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                .putMetadata("orderId", request.orderId().toString())
                .build();
        Refund refund = stripe.v1().refunds().create(params, idempotent(request.idempotencyKey()));
        return new SubmittedRefund(refund.getId(), refund.getStatus());
    }

    private static boolean linesAddUp(CheckoutRequest request) {
        long sum = 0;
        for (OrderLine line : request.lines()) {
            if (line.quantity() <= 0 || line.unitPrice() == null
                    || !line.unitPrice().currency().equalsIgnoreCase(request.total().currency())) {
                return false;
            }
            sum += line.unitPrice().amountMinor() * line.quantity();
        }
        return !request.lines().isEmpty() && sum == request.total().amountMinor();
    }

    private static SessionCreateParams.LineItem lineItem(String currency, String name, long unitAmount, long quantity) {
        return SessionCreateParams.LineItem.builder()
                .setQuantity(quantity)
                .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                        .setCurrency(currency)
                        .setUnitAmount(unitAmount)
                        .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                .setName(name == null || name.isBlank() ? "Ticket" : name)
                                .build())
                        .build())
                .build();
    }

    private static RequestOptions idempotent(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }
}
