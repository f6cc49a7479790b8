package io.taquilla.payment.simulator;

import io.taquilla.web.ApiProblem;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.taquilla.payment.provider.StripeConfigured;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.util.HtmlUtils;

/**
 * The simulator's checkout page (plain HTML forms: Pay / Decline) and a JSON twin for scripts and
 * the demo. Exists only while the simulator plays Stripe, never alongside real Stripe.
 */
@RestController
@Conditional(StripeConfigured.Not.class)
public class SimulatorController {

    private final SimulatedStripe simulator;

    public SimulatorController(SimulatedStripe simulator) {
        this.simulator = simulator;
    }

    @GetMapping(path = "/api/payments/simulator/checkout/{sessionId}", produces = MediaType.TEXT_HTML_VALUE)
    public String page(@PathVariable String sessionId, @RequestParam(required = false) String declined) {
        SimulatedSession session = simulator.find(sessionId).orElseThrow(() -> ApiProblem.notFound("Checkout session", sessionId));
        String id = HtmlUtils.htmlEscape(session.id());
        String base = "/api/payments/simulator/checkout/" + id;
        String notice = declined != null ? "<p class=\"declined\">Your card was declined. Try again.</p>" : "";
        String actions = session.open(java.time.Instant.now())
                ? "<form method=\"post\" action=\"" + base + "/pay\"><button type=\"submit\">Pay "
                        + HtmlUtils.htmlEscape(amount(session)) + "</button></form>"
                        + "<form method=\"post\" action=\"" + base + "/decline\"><button type=\"submit\">Decline</button></form>"
                : "<p>This checkout session is " + HtmlUtils.htmlEscape(session.status()) + ".</p>";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Taquilla test checkout</title>
                <style>body{font-family:sans-serif;max-width:28rem;margin:3rem auto}button{font-size:1.1rem;margin:.3rem 0;width:100%%}
                .declined{color:#b00}</style></head>
                <body><h1>Test checkout</h1>
                <p>Simulated payment provider: no money moves.</p>
                <dl><dt>Order</dt><dd>%s</dd><dt>Email</dt><dd>%s</dd><dt>Total</dt><dd>%s</dd></dl>
                %s%s
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(session.orderId().toString()),
                HtmlUtils.htmlEscape(String.valueOf(session.customerEmail())), HtmlUtils.htmlEscape(amount(session)),
                notice, actions);
    }

    @PostMapping("/api/payments/simulator/checkout/{sessionId}/pay")
    public ResponseEntity<Void> payFromPage(@PathVariable String sessionId) {
        SimulatedSession session = simulator.find(sessionId).orElseThrow(() -> ApiProblem.notFound("Checkout session", sessionId));
        simulator.pay(sessionId);
        return seeOther(session.successUrl().replace("{CHECKOUT_SESSION_ID}", sessionId));
    }

    @PostMapping("/api/payments/simulator/checkout/{sessionId}/decline")
    public ResponseEntity<Void> declineFromPage(@PathVariable String sessionId) {
        simulator.decline(sessionId);
        return seeOther("/api/payments/simulator/checkout/" + sessionId + "?declined=1");
    }

    @PostMapping(path = "/api/payments/simulator/sessions/{sessionId}/pay", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> pay(@PathVariable String sessionId) {
        return outcome(sessionId, "paid", simulator.pay(sessionId));
    }

    @PostMapping(path = "/api/payments/simulator/sessions/{sessionId}/decline", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> decline(@PathVariable String sessionId) {
        return outcome(sessionId, "declined", simulator.decline(sessionId));
    }

    /** The buyer's bank disputes the payment ({@code charge.dispute.created}). */
    @PostMapping(path = "/api/payments/simulator/sessions/{sessionId}/dispute", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> dispute(@PathVariable String sessionId) {
        return outcome(sessionId, "disputed", simulator.dispute(sessionId, null));
    }

    /** The dispute ends ({@code charge.dispute.closed}) as {@code won} or {@code lost}. */
    @PostMapping(path = "/api/payments/simulator/sessions/{sessionId}/dispute/{outcome}",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> closeDispute(@PathVariable String sessionId, @PathVariable String outcome) {
        return outcome(sessionId, "dispute " + outcome, simulator.dispute(sessionId, outcome));
    }

    private Map<String, Object> outcome(String sessionId, String result, List<SimulatedWebhookSender.Delivery> deliveries) {
        SimulatedSession session = simulator.find(sessionId).orElseThrow();
        boolean delivered = deliveries.stream().allMatch(d -> d.status() / 100 == 2);
        if (!delivered) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "simulated-webhook-refused", "Webhook refused",
                    "The webhook endpoint refused a simulated event").with("webhooks", deliveries);
        }
        return Map.of("sessionId", sessionId, "orderId", session.orderId(), "result", result,
                "paymentIntentId", session.paymentIntentId(), "webhooks", deliveries);
    }

    private static ResponseEntity<Void> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
    }

    private static String amount(SimulatedSession session) {
        try {
            Currency currency = Currency.getInstance(session.currency().toUpperCase(Locale.ROOT));
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            return currency.getCurrencyCode() + " " + java.math.BigDecimal.valueOf(session.amountMinor()).movePointLeft(digits)
                    .setScale(digits, java.math.RoundingMode.UNNECESSARY).toPlainString();
        } catch (IllegalArgumentException e) {
            return session.amountMinor() + " " + session.currency();
        }
    }
}
