package io.taquilla.notification.sending;

/** A text message: E.164 recipient and a short body. */
public record SmsMessage(String to, String body) {
}
