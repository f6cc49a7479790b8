package io.taquilla.messaging.consumer;

/**
 * A record that can never be applied, whatever is retried or redeployed on the consuming side:
 * no contract for its topic, no or an unknown {@code eventType}, a body that is not the JSON of
 * its type. It goes to {@code <topic>.dlt} at once, with this message as the cause.
 */
public class UndeliverableRecordException extends RuntimeException {

    public UndeliverableRecordException(String message) {
        super(message);
    }

    public UndeliverableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
