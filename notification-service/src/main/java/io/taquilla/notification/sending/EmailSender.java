package io.taquilla.notification.sending;

/**
 * Hands an email to a provider (SMTP here; an HTTP API such as Resend or SendGrid would fit the
 * same interface). Throws {@link SendFailure} when it did not go.
 */
public interface EmailSender {

    SendReceipt send(EmailMessage message) throws SendFailure;
}
