package io.taquilla.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.web.OrderAccessTokens;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketsSmsTest {

    private final TicketLinks links = new TicketLinks("https://tickets.example/",
            new OrderAccessTokens("test-order-token-secret-0123456789-abcdef"));

    @Test
    void theSmsGivesTheTimeAtTheVenueInTheBuyersLanguageAndTheTicketsPage() {
        UUID orderId = UUID.randomUUID();
        String es = TicketsEmail.sms(issued(orderId, "es", 2), links);
        assertThat(es).startsWith("Taquilla: tus 2 entradas para Perreo Fridays (sábado, 17 de enero de 2026")
                .contains("21:00 CET): ")
                .contains("https://tickets.example/tickets?order=" + orderId + "&token=");
        String en = TicketsEmail.sms(issued(orderId, null, 1), links);
        assertThat(en).startsWith("Taquilla: your 1 ticket for Perreo Fridays (Saturday, January 17, 2026, 9:00 PM CET): ");
    }

    private static TicketsIssued issued(UUID orderId, String locale, int count) {
        List<IssuedTicket> tickets = java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new IssuedTicket(UUID.randomUUID(), "TQ-" + i, UUID.randomUUID(), "GA", "Ana",
                        new Money(100, "EUR"), "token"))
                .toList();
        return new TicketsIssued(UUID.randomUUID(), Instant.now(), orderId, UUID.randomUUID(), "Perreo Fridays", "Sala Apolo",
                Instant.parse("2026-01-17T20:00:00Z"), new Customer("a@example.com", "Ana", "+34600000000"), tickets,
                null, "Barcelona", "Europe/Madrid", locale);
    }
}
