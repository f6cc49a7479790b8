package io.taquilla.notification.resend;

import io.taquilla.notification.sending.EmailAddresses;
import io.taquilla.web.ApiProblem;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/tickets/resend {"email": ...}}: 202 whatever is found, so the answer reveals
 * nothing; a malformed address is a 400.
 */
@RestController
class ResendTicketsController {

    record ResendRequest(String email) {}

    private final ResendTickets resendTickets;

    ResendTicketsController(ResendTickets resendTickets) {
        this.resendTickets = resendTickets;
    }

    @PostMapping("/api/tickets/resend")
    ResponseEntity<Map<String, String>> resend(@RequestBody ResendRequest request) {
        if (request == null || !EmailAddresses.valid(request.email())) {
            throw ApiProblem.badRequest("invalid-email", "email must be a valid email address");
        }
        resendTickets.apply(request.email());
        return ResponseEntity.accepted().body(Map.of("status", "accepted",
                "detail", "If tickets were bought with this address, they are on their way to it."));
    }
}
