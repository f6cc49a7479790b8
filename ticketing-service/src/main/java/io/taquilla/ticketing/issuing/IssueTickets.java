package io.taquilla.ticketing.issuing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.ticketing.issuing.domain.TicketNumbers;
import io.taquilla.ticketing.issuing.domain.TicketUnits;
import io.taquilla.ticketing.signing.SigningKeyRing;
import io.taquilla.ticketing.signing.domain.QrTokenSigner;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A confirmed order gets one ticket per unit, each with a number and a signed QR token, and one
 * {@code TicketsIssued} with all of them — in the caller's transaction, exactly once per order
 * however often and however concurrently the confirmation arrives.
 */
@Component
public class IssueTickets {

    private static final Logger log = LoggerFactory.getLogger(IssueTickets.class);

    private final SigningKeyRing keyRing;
    private final Outbox outbox;
    private final TicketNumbers numbers = new TicketNumbers(new SecureRandom());
    private final Counter issued;
    private final Counter duplicates;

    public IssueTickets(SigningKeyRing keyRing, Outbox outbox, MeterRegistry meters) {
        this.keyRing = keyRing;
        this.outbox = outbox;
        this.issued = Counter.builder("taquilla.tickets.issued").description("Tickets issued").register(meters);
        this.duplicates = Counter.builder("taquilla.tickets.issuance.duplicates")
                .description("Confirmations of orders whose tickets already existed").register(meters);
    }

    public void apply(Handle handle, OrderConfirmed order) {
        List<TicketUnits.Unit> units = TicketUnits.of(order.lines());
        requireDetails(order);
        Instant now = Instant.now();
        IssuedTickets tickets = handle.attach(IssuedTickets.class);
        if (!tickets.claim(order, now)) {
            duplicates.increment();
            log.info("order {} already has its tickets; confirmation {} changes nothing", order.orderId(), order.eventId());
            return;
        }
        QrTokenSigner signer = keyRing.activeSigner(handle);
        String holder = isBlank(order.customer().name()) ? order.customer().email() : order.customer().name();
        List<NewTicket> rows = new ArrayList<>(units.size());
        List<IssuedTicket> published = new ArrayList<>(units.size());
        for (TicketUnits.Unit unit : units) {
            UUID ticketId = UUID.randomUUID();
            String number = numbers.next(order.eventName(), order.eventStartsAt());
            String token = signer.sign(ticketId, order.catalogEventId(), unit.line().ticketTypeId());
            Money price = unit.line().unitPrice();
            rows.add(new NewTicket(ticketId, order.orderId(), unit.lineIndex(), unit.unitIndex(), number,
                    order.catalogEventId(), unit.line().ticketTypeId(), unit.line().ticketTypeCode(),
                    typeName(unit), holder, order.customer().email(),
                    price.amountMinor(), price.currency(), token, signer.keyId(), now));
            published.add(new IssuedTicket(ticketId, number, unit.line().ticketTypeId(), typeName(unit), holder, price,
                    token, order.customer().email()));
        }
        tickets.insert(rows);
        outbox.append(handle, Topics.TICKETING_TICKET, new TicketsIssued(UUID.randomUUID(), now, order.orderId(),
                order.catalogEventId(), order.eventName(), order.venueName(), order.eventStartsAt(), order.customer(),
                published, order.venueAddress(), order.venueCity(), order.venueTimezone(), order.locale()));
        issued.increment(rows.size());
        log.info("issued {} tickets for order {} with key {}", rows.size(), order.orderId(), signer.keyId());
    }

    private static String typeName(TicketUnits.Unit unit) {
        String name = unit.line().ticketTypeName();
        return isBlank(name) ? (isBlank(unit.line().ticketTypeCode()) ? "Ticket" : unit.line().ticketTypeCode()) : name;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static void requireDetails(OrderConfirmed order) {
        if (order.orderId() == null || order.catalogEventId() == null || order.eventStartsAt() == null
                || order.eventName() == null || order.customer() == null || order.customer().email() == null) {
            throw new IllegalArgumentException("OrderConfirmed " + order.eventId() + " lacks what a ticket prints");
        }
    }
}
