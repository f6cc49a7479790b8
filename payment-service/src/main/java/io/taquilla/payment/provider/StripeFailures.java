package io.taquilla.payment.provider;

import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;

/**
 * Which Stripe errors are worth retrying. Stripe refusing the request itself (400 invalid request,
 * card errors) is final; everything else (network, 5xx, 429 rate limits, 409 idempotency conflicts
 * of a concurrent retry, even a rotated key) is an outage to wait out, never a reason to drop work.
 */
public final class StripeFailures {

    private StripeFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        if (failure instanceof InvalidRequestException || failure instanceof CardException) {
            return false;
        }
        if (failure instanceof com.stripe.exception.ApiConnectionException) {
            return true;
        }
        if (failure instanceof StripeException stripe) {
            Integer status = stripe.getStatusCode();
            // No status (0 or null): the request never got an HTTP answer.
            return status == null || status == 0 || status >= 500 || status == 429 || status == 409 || status == 401 || status == 403;
        }
        return true;
    }

    /** A short, secret-free description for logs, metrics tags and the admin view. */
    public static String describe(Throwable failure) {
        if (failure instanceof StripeException stripe) {
            String code = stripe.getCode() == null ? "" : " " + stripe.getCode();
            return failure.getClass().getSimpleName() + " (" + stripe.getStatusCode() + code + "): "
                    + firstLine(stripe.getMessage());
        }
        return failure.getClass().getSimpleName() + ": " + firstLine(failure.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
