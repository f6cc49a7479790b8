package io.taquilla.notification.sending;

/**
 * A provider did not take the message. {@code permanent} failures (a malformed address, a
 * number the provider refuses) are not retried; everything else (connection refused, timeouts,
 * 5xx, throttling) is.
 */
public class SendFailure extends Exception {

    private final boolean permanent;

    public SendFailure(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
