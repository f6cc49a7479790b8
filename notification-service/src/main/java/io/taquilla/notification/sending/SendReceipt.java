package io.taquilla.notification.sending;

/** What the provider said when it accepted a message: its id (SMTP Message-ID, Twilio sid). */
public record SendReceipt(String providerId) {
}
