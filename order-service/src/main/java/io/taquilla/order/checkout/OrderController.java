package io.taquilla.order.checkout;

import io.taquilla.order.checkout.domain.BuyerContact;
import io.taquilla.order.checkout.domain.BuyerLocale;
import io.taquilla.order.checkout.domain.RequestedLine;
import io.taquilla.order.config.OrderSettings;
import io.taquilla.order.orders.Orders;
import io.taquilla.order.orders.StoredOrder;
import io.taquilla.order.orders.domain.OrderStatus;
import io.taquilla.web.ApiProblem;
import io.taquilla.web.OrderAccessTokens;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The buyer's order API: place an order, read it back with its access token. */
@RestController
class OrderController {

    static final String TOKEN_HEADER = "X-Order-Token";

    private final PlaceOrder placeOrder;
    private final Orders orders;
    private final Jdbi jdbi;
    private final OrderAccessTokens tokens;
    private final OrderSettings settings;

    OrderController(PlaceOrder placeOrder, Orders orders, Jdbi jdbi, OrderAccessTokens tokens, OrderSettings settings) {
        this.placeOrder = placeOrder;
        this.orders = orders;
        this.jdbi = jdbi;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** 201 for a new order, 200 for a repeat of the same Idempotency-Key and body. */
    @PostMapping("/api/orders")
    ResponseEntity<OrderView> place(@RequestHeader("Idempotency-Key") String idempotencyKey,
                                    @RequestHeader(name = "Accept-Language", required = false) String acceptLanguage,
                                    @Valid @RequestBody PlaceOrderRequest request) {
        String key = idempotencyKey.trim();
        if (key.isEmpty() || key.length() > 200) {
            throw ApiProblem.badRequest("invalid-idempotency-key", "Idempotency-Key must be 1 to 200 characters");
        }
        if (!BuyerContact.validEmail(request.customer().email())) {
            throw ApiProblem.badRequest("invalid-email", "customer.email is not a valid email address");
        }
        String phone;
        try {
            phone = BuyerContact.normalisePhone(request.customer().phone()).orElse(null);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("invalid-phone", "customer.phone: " + e.getMessage());
        }
        PlaceOrder.Placed placed = placeOrder.place(new PlaceOrder.Command(key, request.eventId(),
                request.items().stream().map(i -> new RequestedLine(i.ticketTypeId(), i.quantity())).toList(),
                BuyerContact.normaliseEmail(request.customer().email()), request.customer().name().trim(), phone,
                BuyerLocale.choose(request.locale(), acceptLanguage)));
        StoredOrder order = placed.order();
        OrderView view = view(order, tokens.tokenFor(order.id()), true);
        return placed.created()
                ? ResponseEntity.created(URI.create("/api/orders/" + order.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/orders/{orderId}")
    OrderView get(@PathVariable UUID orderId,
                  @RequestHeader(name = TOKEN_HEADER, required = false) String headerToken,
                  @RequestParam(name = "token", required = false) String queryToken) {
        String token = headerToken != null && !headerToken.isBlank() ? headerToken : queryToken;
        if (token == null || token.isBlank()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "order-token-required", "Order token required",
                    "Send the order's access token in the " + TOKEN_HEADER + " header or the token query parameter");
        }
        if (!tokens.verify(orderId, token)) {
            // Same answer as a missing order: a wrong token must not reveal that the order exists.
            throw ApiProblem.notFound("Order", orderId);
        }
        StoredOrder order = jdbi.withHandle(h -> orders.find(h, orderId))
                .orElseThrow(() -> ApiProblem.notFound("Order", orderId));
        return view(order, null, false);
    }

    private OrderView view(StoredOrder order, String accessToken, boolean withToken) {
        String ticketsUrl = order.status() == OrderStatus.CONFIRMED
                ? settings.publicBaseUrl().replaceAll("/+$", "") + "/api/tickets/orders/" + order.id() + "?token="
                        + tokens.tokenFor(order.id())
                : null;
        return OrderView.of(order, ticketsUrl, withToken ? accessToken : null);
    }
}
