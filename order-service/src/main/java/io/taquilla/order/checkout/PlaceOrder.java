package io.taquilla.order.checkout;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.order.catalog.OfferCache;
import io.taquilla.order.checkout.domain.EventOffer;
import io.taquilla.order.checkout.domain.OrderPricing;
import io.taquilla.order.checkout.domain.PricedOrder;
import io.taquilla.order.checkout.domain.RequestFingerprint;
import io.taquilla.order.checkout.domain.RequestedLine;
import io.taquilla.order.config.OrderSettings;
import io.taquilla.order.inventory.InventoryLedger;
import io.taquilla.order.inventory.InventoryPublisher;
import io.taquilla.order.inventory.domain.Shortage;
import io.taquilla.order.orders.OrderMetrics;
import io.taquilla.order.orders.OrderTransitions;
import io.taquilla.order.orders.Orders;
import io.taquilla.order.orders.StoredOrder;
import io.taquilla.order.orders.domain.OrderStatus;
import io.taquilla.web.ApiProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Places an order: checks the rules, then in one transaction inserts the order under its
 * idempotency key, holds every line (all or nothing) and appends OrderPlaced — or, for a free
 * order, sells at once and appends OrderConfirmed.
 */
@Service
public class PlaceOrder {

    /** What the buyer asked, already normalised. */
    public record Command(String idempotencyKey, UUID eventId, List<RequestedLine> lines, String email, String name,
                          String phone, String locale) {

        /** In English. */
        public Command(String idempotencyKey, UUID eventId, List<RequestedLine> lines, String email, String name,
                       String phone) {
            this(idempotencyKey, eventId, lines, email, name, phone, "en");
        }
    }

    /** The order and whether this call created it (false: a replay of the same key). */
    public record Placed(StoredOrder order, boolean created) {}

    /** Not enough tickets: rolls the transaction back and becomes a 409. */
    static final class SoldOut extends RuntimeException {
        final List<Shortage> shortages;

        SoldOut(List<Shortage> shortages) {
            super("not enough tickets", null, false, false);
            this.shortages = shortages;
        }
    }

    /** The key belongs to an order committed meanwhile: roll back and answer with that one. */
    static final class KeyTaken extends RuntimeException {
        KeyTaken() {
            super("idempotency key taken", null, false, false);
        }
    }

    /** Carries a replayed order out of a refusal path. */
    static final class Replayed extends RuntimeException {
        final Placed placed;

        Replayed(Placed placed) {
            super("replay", null, false, false);
            this.placed = placed;
        }
    }

    private final Jdbi jdbi;
    private final OfferCache offers;
    private final Orders orders;
    private final InventoryLedger ledger;
    private final OrderTransitions transitions;
    private final InventoryPublisher publisher;
    private final Outbox outbox;
    private final OrderMetrics metrics;
    private final OrderSettings settings;
    private final Clock clock = Clock.systemUTC();

    PlaceOrder(Jdbi jdbi, OfferCache offers, Orders orders, InventoryLedger ledger, OrderTransitions transitions,
               InventoryPublisher publisher, Outbox outbox, OrderMetrics metrics, OrderSettings settings) {
        this.jdbi = jdbi;
        this.offers = offers;
        this.orders = orders;
        this.ledger = ledger;
        this.transitions = transitions;
        this.publisher = publisher;
        this.outbox = outbox;
        this.metrics = metrics;
        this.settings = settings;
    }

    public Placed place(Command command) {
        try {
            return placeOrRefuse(command);
        } catch (Replayed replayed) {
            return replayed.placed;
        }
    }

    private Placed placeOrRefuse(Command command) {
        String fingerprint = RequestFingerprint.of(command.eventId(), command.lines(), command.email(), command.name(),
                command.phone());
        Instant now = clock.instant();
        Optional<EventOffer> found = offers.find(command.eventId());
        if (found.isEmpty()) {
            throw replayOr(command.idempotencyKey(), fingerprint, new ApiProblem(HttpStatus.NOT_FOUND, "event-not-found",
                    "Event not found", "Event " + command.eventId() + " does not exist or is not published"));
        }
        EventOffer offer = found.get();
        OrderPricing.Outcome outcome = OrderPricing.price(offer, command.lines(), now);
        if (!outcome.accepted()) {
            throw replayOr(command.idempotencyKey(), fingerprint, refusal(outcome, offer));
        }
        PricedOrder priced = outcome.order();
        StoredOrder order = new StoredOrder(UUID.randomUUID(), command.idempotencyKey(), fingerprint, offer.eventId(),
                priced.free() ? OrderStatus.CONFIRMED : OrderStatus.AWAITING_PAYMENT, priced.lines(),
                priced.totalMinor(), priced.currency(), command.email(), command.name(), command.phone(),
                priced.free() ? null : now.plus(settings.holdDuration()).truncatedTo(ChronoUnit.MILLIS),
                null, null, null, null, null, now, now, command.locale() == null ? "en" : command.locale());
        try {
            return jdbi.inTransaction(h -> holdAndInsert(h, order));
        } catch (KeyTaken taken) {
            return jdbi.withHandle(h -> replay(h, order.idempotencyKey(), fingerprint)).orElseThrow();
        } catch (SoldOut soldOut) {
            // This transaction owned the key, so there is no earlier order to replay.
            metrics.soldOut();
            throw new ApiProblem(HttpStatus.CONFLICT, "not-enough-tickets", "Not enough tickets",
                    "Not enough tickets left for this order")
                    .with("available", soldOut.shortages.stream().map(s -> Map.of(
                            "ticketTypeId", s.ticketTypeId(), "code", s.code(),
                            "requested", s.requested(), "available", s.available())).toList());
        }
    }

    /**
     * Inserts the order first: its unique idempotency key makes a concurrent repeat wait until this
     * transaction ends, then either replay this order or (after a rollback) try for itself. Then
     * holds every line; a shortage rolls everything back.
     */
    private Placed holdAndInsert(Handle handle, StoredOrder order) {
        if (!orders.insertIfNewKey(handle, order)) {
            throw new KeyTaken();
        }
        List<Shortage> shortages = ledger.claim(handle, order.id(), OrderTransitions.claims(order), order.holdExpiresAt());
        if (!shortages.isEmpty()) {
            throw new SoldOut(shortages);
        }
        if (order.status() == OrderStatus.CONFIRMED) {
            transitions.confirm(handle, order, null);
        } else {
            outbox.append(handle, Topics.ORDERING_ORDER, new OrderPlaced(UUID.randomUUID(), order.createdAt(), order.id(),
                    order.catalogEventId(), order.contractLines(), order.total(), order.customer(), order.holdExpiresAt(), order.locale()));
        }
        handle.afterCommit(() -> {
            metrics.placed();
            publisher.touched(order.lines().stream().map(l -> l.ticketTypeId()).toList());
        });
        return new Placed(order, true);
    }

    /** A refused request may still be the repeat of one that succeeded earlier: that order wins. */
    private RuntimeException replayOr(String key, String fingerprint, ApiProblem refusal) {
        Optional<Placed> replay = jdbi.withHandle(h -> replay(h, key, fingerprint));
        return replay.<RuntimeException>map(Replayed::new).orElse(refusal);
    }

    private Optional<Placed> replay(Handle handle, String key, String fingerprint) {
        return orders.findByKey(handle, key).map(existing -> {
            if (!existing.requestHash().equals(fingerprint)) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                        "This Idempotency-Key was already used for a different order request")
                        .with("orderId", existing.id());
            }
            return new Placed(existing, false);
        });
    }

    private static ApiProblem refusal(OrderPricing.Outcome outcome, EventOffer offer) {
        String slug = outcome.refusal().reason().slug();
        String detail = outcome.refusal().detail();
        switch (outcome.refusal().reason()) {
            case EVENT_CANCELLED:
                return new ApiProblem(HttpStatus.CONFLICT, slug, "Event cancelled", detail);
            case NOT_ON_SALE:
                ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, slug, "Not on sale", detail);
                if (offer.salesStartAt() != null) {
                    problem.with("salesStartAt", offer.salesStartAt().toString());
                }
                if (offer.salesEndAt() != null) {
                    problem.with("salesEndAt", offer.salesEndAt().toString());
                }
                return problem;
            case UNKNOWN_TICKET_TYPE:
                return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, slug, "Unknown ticket type", detail);
            default:
                return ApiProblem.badRequest(slug, detail);
        }
    }
}
