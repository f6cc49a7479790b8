package io.taquilla.notification.sending;

/** Hands a text message to an SMS provider. {@link #disabled()} stands in when none is configured. */
public interface SmsSender {

    SendReceipt send(SmsMessage message) throws SendFailure;

    /** False when no provider is configured: deliveries are then recorded as SKIPPED. */
    default boolean configured() {
        return true;
    }

    static SmsSender disabled() {
        return new SmsSender() {
            @Override
            public SendReceipt send(SmsMessage message) throws SendFailure {
                throw new SendFailure("no SMS provider configured", true, null);
            }

            @Override
            public boolean configured() {
                return false;
            }
        };
    }
}
