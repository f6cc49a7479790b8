package io.taquilla.notification.newsletter;

import io.taquilla.notification.sending.EmailAddresses;
import io.taquilla.web.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newsletter's public API, called by the purchase site (and, for one-click unsubscribe, by
 * mail clients): subscribe (202, a confirmation mail follows), confirm and unsubscribe with the
 * token of a mailed link (200; an unknown or expired token is a 404).
 */
@RestController
class NewsletterController {

    record SubscribeRequest(String email, String locale) {}

    record TokenRequest(String token) {}

    private final NewsletterSubscriptions subscriptions;

    NewsletterController(NewsletterSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping("/api/newsletter/subscriptions")
    ResponseEntity<Map<String, String>> subscribe(@RequestBody SubscribeRequest request) {
        if (request == null || !EmailAddresses.valid(request.email())) {
            throw ApiProblem.badRequest("invalid-email", "email must be a valid email address");
        }
        if (request.locale() != null && request.locale().length() > 35) {
            throw ApiProblem.badRequest("invalid-locale", "locale must be a language tag such as en or es");
        }
        subscriptions.subscribe(request.email(), request.locale());
        return ResponseEntity.accepted().body(Map.of("status", "pending-confirmation",
                "detail", "Check your inbox: the subscription starts once you open the link we sent."));
    }

    @PostMapping(path = "/api/newsletter/confirmations", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> confirm(@RequestBody TokenRequest request) {
        require(subscriptions.confirm(token(request)), "This confirmation link is unknown or has expired; subscribe again to get a new one.");
        return Map.of("status", "confirmed");
    }

    @PostMapping(path = "/api/newsletter/unsubscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, String> unsubscribe(@RequestBody TokenRequest request) {
        require(subscriptions.unsubscribe(token(request)), "This unsubscribe link is unknown.");
        return Map.of("status", "unsubscribed");
    }

    /** RFC 8058 one-click: the mail client POSTs {@code List-Unsubscribe=One-Click} to the header's URL. */
    @PostMapping(path = "/api/newsletter/unsubscriptions", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Map<String, String> unsubscribeOneClick(@RequestParam(name = "token", required = false) String token) {
        return unsubscribe(new TokenRequest(token));
    }

    private static String token(TokenRequest request) {
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw ApiProblem.badRequest("token-required", "token is required");
        }
        return request.token();
    }

    private static void require(NewsletterSubscriptions.Outcome outcome, String detail) {
        if (outcome == NewsletterSubscriptions.Outcome.UNKNOWN_TOKEN) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "newsletter-token-not-found", "Link not valid", detail);
        }
    }
}
