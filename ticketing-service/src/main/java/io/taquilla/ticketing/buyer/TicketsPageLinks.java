package io.taquilla.ticketing.buyer;

import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The purchase site's page of an order's tickets, which emails, SMS and calendar entries link to. */
@Component
class TicketsPageLinks {

    private final String publicBaseUrl;

    TicketsPageLinks(@Value("${taquilla.ticketing.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    String ticketsPage(UUID orderId, String token) {
        return publicBaseUrl + "/tickets?order=" + orderId + "&token=" + token;
    }
}
