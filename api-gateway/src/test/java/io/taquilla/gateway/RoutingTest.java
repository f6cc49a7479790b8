package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingTest extends GatewayTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/events, catalog",
            "/api/events/perreo-fridays, catalog",
            "/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/ticket-types, catalog",
            "/api/admin/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/publish, catalog",
            "/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/availability, order",
            "/api/orders/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60, order",
            "/api/admin/orders/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60/refund, order",
            "/api/admin/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/cancellation, order",
            "/api/admin/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/cancel, catalog",
            "/api/payments/simulator/checkout/cs_123, payment",
            "/api/admin/payments, payment",
            "/api/tickets/orders/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60, ticketing",
            "/api/tickets/5e6f7a8b-1d0e-4b4f-8d43-1c2d3e4f5a60/qr.png, ticketing",
            "/api/ticketing/keys, ticketing",
            "/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/offline-bundle, scanner",
            "/api/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/checkins, scanner",
            "/api/admin/scans/recent, scanner",
            "/api/door/events, scanner",
            "/api/door/events/8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10/roster, scanner",
            "/api/admin/notifications/deliveries, notification",
            "/oauth2/jwks, identity",
            "/oauth2/authorize?client_id=door-app, identity",
            "/login, identity",
            "/.well-known/openid-configuration, identity",
            "/userinfo, identity",
            "/api/identity/invitations/abc, identity",
            "/api/admin/identity/staff, identity",
            "/api/tickets/orders/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60/calendar.ics, ticketing",
            "/api/tickets/resend, notification",
            "/api/newsletter/subscriptions, notification",
            "/api/newsletter/confirmations, notification",
            "/api/newsletter/unsubscriptions, notification"})
    void routesEachPrefixToItsService(String path, String service) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"service\":\"" + service + "\"}");
        assertThat(upstream(service).last(path).method()).isEqualTo("GET");
    }

    @Test
    void forwardsMethodQueryBodyAndAuthorizationUnchanged() {
        String body = "{\"eventId\":\"8d6f0c4e-6a0e-4a55-9d43-4f6f3d1f7a10\",\"lines\":[{\"ticketTypeId\":\"x\",\"quantity\":2}]}";
        HttpResponse<String> response = send(request("/api/orders?lang=es")
                .header("X-Forwarded-For", freshClient())
                .header("Authorization", "Bearer abc.def.ghi")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        StubUpstream.Received received = upstream("order").last("/api/orders?lang=es");
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThat(received.header("Content-Type")).startsWith("application/json");
    }

    @Test
    void theStripeWebhookReachesPaymentWithItsRawBodyAndSignature() {
        String raw = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\",  \"data\":{}}";
        HttpResponse<String> response = send(request("/api/payments/webhooks/stripe")
                .header("Stripe-Signature", "t=1700000000,v1=deadbeef")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(raw)));

        assertThat(response.statusCode()).isEqualTo(200);
        StubUpstream.Received received = upstream("payment").last("/api/payments/webhooks/stripe");
        assertThat(received.body()).isEqualTo(raw);
        assertThat(received.header("Stripe-Signature")).isEqualTo("t=1700000000,v1=deadbeef");
    }

    @Test
    void identityLearnsThePublicOriginSoItsRedirectsStayOnTheGateway() {
        HttpResponse<String> response = get("/oauth2/authorize?client_id=console");

        assertThat(response.statusCode()).isEqualTo(200);
        StubUpstream.Received received = upstream("identity").last("/oauth2/authorize?client_id=console");
        // The first value is the one the upstream uses (the gateway's own proxy filter may append).
        assertThat(received.header("X-Forwarded-Host")).startsWith("localhost:" + port);
        assertThat(received.header("X-Forwarded-Proto")).startsWith("http");
        assertThat(received.header("X-Forwarded-Port")).startsWith(String.valueOf(port));

        HttpResponse<String> spoofed = send(request("/login").header("X-Forwarded-For", freshClient())
                .header("X-Forwarded-Host", "evil.example").GET());
        assertThat(spoofed.statusCode()).isEqualTo(200);
        assertThat(upstream("identity").last("/login").header("X-Forwarded-Host")).startsWith("localhost:" + port);
    }

    @Test
    void unknownPathsAreNotProxied() {
        HttpResponse<String> response = get("/api/nothing-here");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void actuatorIsTheGatewaysOwn() {
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("taquilla_gateway_rate_limited_total");
    }
}
