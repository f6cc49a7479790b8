package io.taquilla.payment.simulator;

import com.google.gson.JsonParser;
import io.taquilla.payment.webhook.StripeSignature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Delivers simulated events the way Stripe does: signed with the webhook secret
 * ({@code Stripe-Signature: t=...,v1=...}) and POSTed over HTTP to the real webhook endpoint, so the
 * verification path runs for every simulated payment.
 */
public class SimulatedWebhookSender {

    /** One delivery: the Stripe event id, its type and the endpoint's HTTP status. */
    public record Delivery(String eventId, String type, int status) {}

    private final String secret;
    private final Supplier<String> endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SimulatedWebhookSender(String secret, Supplier<String> endpoint) {
        this.secret = secret;
        this.endpoint = endpoint;
    }

    public Delivery send(String payload) {
        String id = JsonParser.parseString(payload).getAsJsonObject().get("id").getAsString();
        String type = JsonParser.parseString(payload).getAsJsonObject().get("type").getAsString();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.get()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks) taquilla-simulator")
                .header("Stripe-Signature", StripeSignature.header(payload, secret, Instant.now().getEpochSecond()))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Delivery(id, type, response.statusCode());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("webhook endpoint " + endpoint.get() + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering " + type, e);
        }
    }
}
