package io.taquilla.payment.webhook;

import java.util.UUID;

/** A Stripe event whose signature checked out, with the few envelope fields stored alongside it. */
public record VerifiedWebhook(String eventId, String type, boolean livemode, UUID orderIdHint, String payload) {
}
