package io.taquilla.payment.call;

/** Carries out one kind of Stripe call and records its result. */
public interface StripeCallHandler {

    StripeCall.Operation operation();

    /**
     * Calls Stripe (outside any transaction) and records the answer. Throws when Stripe could not
     * be reached or refused; {@link StripeCallWorker} decides between retrying and {@link #rejected}.
     */
    void perform(StripeCall call) throws Throwable;

    /** Stripe refused the call for good (400): record what that means for the order. */
    void rejected(StripeCall call, String error);
}
