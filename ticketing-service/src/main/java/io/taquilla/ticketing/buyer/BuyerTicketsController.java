package io.taquilla.ticketing.buyer;

import io.taquilla.ticketrender.EventCalendar;
import io.taquilla.ticketrender.QrCode;
import io.taquilla.ticketrender.TicketLanguage;
import io.taquilla.ticketrender.TicketPdf;
import io.taquilla.web.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import io.taquilla.web.OrderAccessTokens;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The buyer's tickets, opened with the order's access token ({@code X-Order-Token} header or
 * {@code ?token=}, so email links work). Tickets are credentials: responses are not cached.
 */
@RestController
class BuyerTicketsController {

    static final String TOKEN_HEADER = "X-Order-Token";
    private static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final TicketQueries queries;
    private final OrderAccessTokens accessTokens;
    private final TicketsPageLinks links;

    BuyerTicketsController(TicketQueries queries, OrderAccessTokens accessTokens, TicketsPageLinks links) {
        this.queries = queries;
        this.accessTokens = accessTokens;
        this.links = links;
    }

    @GetMapping("/api/tickets/orders/{orderId}")
    ResponseEntity<OrderTickets> list(@PathVariable UUID orderId,
                                      @RequestHeader(name = TOKEN_HEADER, required = false) String header,
                                      @RequestParam(name = "token", required = false) String query) {
        authorize(orderId, header, query);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(order(orderId));
    }

    @GetMapping("/api/tickets/{ticketId}/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable UUID ticketId,
                              @RequestHeader(name = TOKEN_HEADER, required = false) String header,
                              @RequestParam(name = "token", required = false) String query) {
        UUID orderId = queries.orderOf(ticketId).orElseThrow(() -> ApiProblem.notFound("Ticket", ticketId));
        authorize(orderId, header, query);
        OrderTickets.Ticket ticket = order(orderId).tickets().stream()
                .filter(t -> t.ticketId().equals(ticketId)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Ticket", ticketId));
        if (!ticket.valid()) {
            throw revoked("Ticket " + ticket.ticketNumber() + " was revoked and no longer admits anyone");
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCode.png(ticket.qrToken()));
    }

    @GetMapping("/api/tickets/orders/{orderId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID orderId,
                               @RequestHeader(name = TOKEN_HEADER, required = false) String header,
                               @RequestParam(name = "token", required = false) String query) {
        authorize(orderId, header, query);
        OrderTickets order = order(orderId);
        if (order.validTickets().isEmpty()) {
            throw revoked("Every ticket of order " + orderId + " was revoked");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("tickets-" + orderId + ".pdf").build().toString())
                .body(TicketPdf.render(order.renderValid(), order.language()));
    }

    /**
     * The event as an iCalendar file, in the venue's time zone. A wrong or missing token gets the
     * same 404 as an order that does not exist, so the answer never tells the two apart.
     */
    @GetMapping("/api/tickets/orders/{orderId}/calendar.ics")
    ResponseEntity<String> calendar(@PathVariable UUID orderId,
                                    @RequestHeader(name = TOKEN_HEADER, required = false) String header,
                                    @RequestParam(name = "token", required = false) String query) {
        String token = header != null && !header.isBlank() ? header : query;
        if (token == null || token.isBlank() || !accessTokens.verify(orderId, token)) {
            throw ApiProblem.notFound("Order", orderId);
        }
        OrderTickets order = queries.forOrder(orderId).orElseThrow(() -> ApiProblem.notFound("Order", orderId));
        int count = order.validTickets().size();
        String description = order.language() == TicketLanguage.ES
                ? count + (count == 1 ? " entrada" : " entradas")
                : count + (count == 1 ? " ticket" : " tickets");
        String ics = EventCalendar.ics(orderId + "@taquilla", order.event(), description, links.ticketsPage(orderId, token),
                Instant.now());
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("event-" + orderId + ".ics").build().toString())
                .body(ics);
    }

    private OrderTickets order(UUID orderId) {
        return queries.forOrder(orderId).orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found",
                "Tickets not found", "Order " + orderId + " has no tickets (yet): they are issued once it is confirmed"));
    }

    private void authorize(UUID orderId, String header, String query) {
        String token = header != null && !header.isBlank() ? header : query;
        if (token == null || token.isBlank()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "order-token-required", "Order token required",
                    "Send the order's access token in the " + TOKEN_HEADER + " header or the token parameter");
        }
        if (!accessTokens.verify(orderId, token)) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid-order-token", "Invalid order token",
                    "The token does not open order " + orderId);
        }
    }

    private static ApiProblem revoked(String detail) {
        return new ApiProblem(HttpStatus.GONE, "tickets-revoked", "Tickets revoked", detail);
    }
}
