package io.taquilla.notification.message;

import io.taquilla.web.OrderAccessTokens;
import java.util.UUID;

/** Links a buyer can open without logging in: they carry the order's access token. */
public class TicketLinks {

    private final String publicBaseUrl;
    private final OrderAccessTokens tokens;

    public TicketLinks(String publicBaseUrl, OrderAccessTokens tokens) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        this.tokens = tokens;
    }

    /** The order's tickets, served by ticketing-service through the gateway. */
    public String tickets(UUID orderId) {
        return publicBaseUrl + "/api/tickets/orders/" + orderId + "?token=" + tokens.tokenFor(orderId);
    }
}
