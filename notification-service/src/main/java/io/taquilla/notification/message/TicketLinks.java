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

    /** The purchase site's page of the order's tickets (QR codes, PDF, calendar), not the raw API. */
    public String tickets(UUID orderId) {
        return publicBaseUrl + "/tickets?order=" + orderId + "&token=" + tokens.tokenFor(orderId);
    }

    /** The gateway origin, for other links in buyer messages. */
    public String publicBaseUrl() {
        return publicBaseUrl;
    }
}
