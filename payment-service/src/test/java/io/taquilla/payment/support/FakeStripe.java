package io.taquilla.payment.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Stripe's API as WireMock, shared by every test in the JVM. Answers are shaped like Stripe's and
 * derived from the request, and ids from the idempotency key, so a repeated request gets the same
 * session or refund back, as from Stripe.
 */
public final class FakeStripe {

    private static WireMockServer server;

    private FakeStripe() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().extensions(new StripeShapes()));
            server.start();
            stubDefaults(server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return "http://localhost:" + server().port();
    }

    private static void stubDefaults(WireMockServer wireMock) {
        wireMock.stubFor(post(urlEqualTo("/v1/checkout/sessions")).atPriority(10)
                .willReturn(aResponse().withTransformers(StripeShapes.NAME)));
        wireMock.stubFor(post(urlPathMatching("/v1/checkout/sessions/[^/]+/expire")).atPriority(10)
                .willReturn(aResponse().withTransformers(StripeShapes.NAME)));
        wireMock.stubFor(post(urlEqualTo("/v1/refunds")).atPriority(10)
                .willReturn(aResponse().withTransformers(StripeShapes.NAME)));
    }

    /** Requests made to a path whose form body mentions {@code text} (e.g. an order id). */
    public static List<LoggedRequest> requests(String path, String text) {
        return server().getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().equals(path))
                .filter(request -> decode(request.getBodyAsString()).contains(text))
                .toList();
    }

    public static List<LoggedRequest> requestsTo(String path) {
        return server().getAllServeEvents().stream().map(ServeEvent::getRequest)
                .filter(request -> request.getUrl().equals(path)).toList();
    }

    public static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(decode(kv[0]), decode(kv[1]));
            }
        }
        return form;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Builds Stripe-shaped JSON answers from the form-encoded request. */
    static final class StripeShapes implements ResponseDefinitionTransformerV2 {

        static final String NAME = "stripe-shapes";

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            LoggedRequest request = serveEvent.getRequest();
            Map<String, String> form = form(request);
            String key = request.getHeader("Idempotency-Key");
            String seed = key != null ? key : UUID.randomUUID().toString();
            String url = request.getUrl();
            JsonObject body;
            if (url.equals("/v1/checkout/sessions")) {
                body = session(form, "cs_test_" + id(seed));
            } else if (url.startsWith("/v1/checkout/sessions/")) {
                body = new JsonObject();
                body.addProperty("id", url.split("/")[4]);
                body.addProperty("object", "checkout.session");
                body.addProperty("status", "expired");
                body.addProperty("payment_status", "unpaid");
            } else {
                body = new JsonObject();
                body.addProperty("id", "re_test_" + id(seed));
                body.addProperty("object", "refund");
                body.addProperty("amount", Long.parseLong(form.getOrDefault("amount", "0")));
                body.addProperty("currency", "eur");
                body.addProperty("payment_intent", form.get("payment_intent"));
                body.addProperty("reason", form.get("reason"));
                body.addProperty("status", "succeeded");
            }
            return com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_" + id(seed).substring(0, 14))
                    .withBody(body.toString())
                    .build();
        }

        private static JsonObject session(Map<String, String> form, String id) {
            long total = 0;
            for (int i = 0; form.containsKey("line_items[" + i + "][quantity]"); i++) {
                total += Long.parseLong(form.get("line_items[" + i + "][quantity]"))
                        * Long.parseLong(form.get("line_items[" + i + "][price_data][unit_amount]"));
            }
            JsonObject session = new JsonObject();
            session.addProperty("id", id);
            session.addProperty("object", "checkout.session");
            session.addProperty("amount_subtotal", total);
            session.addProperty("amount_total", total);
            session.addProperty("client_reference_id", form.get("client_reference_id"));
            session.addProperty("currency", form.get("currency"));
            session.addProperty("customer_email", form.get("customer_email"));
            session.addProperty("expires_at", Long.parseLong(form.get("expires_at")));
            session.addProperty("livemode", false);
            JsonObject metadata = new JsonObject();
            metadata.addProperty("orderId", form.get("metadata[orderId]"));
            session.add("metadata", metadata);
            session.addProperty("mode", "payment");
            session.addProperty("payment_status", "unpaid");
            session.addProperty("status", "open");
            session.addProperty("success_url", form.get("success_url"));
            session.addProperty("cancel_url", form.get("cancel_url"));
            session.addProperty("url", "https://checkout.stripe.com/c/pay/" + id);
            return session;
        }

        private static String id(String seed) {
            return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
