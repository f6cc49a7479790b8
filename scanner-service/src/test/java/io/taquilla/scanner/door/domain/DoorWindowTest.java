package io.taquilla.scanner.door.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DoorWindowTest {

    static final Instant DOORS = Instant.parse("2026-01-15T21:00:00Z");
    static final Instant STARTS = Instant.parse("2026-01-15T22:00:00Z");
    final DoorWindow window = new DoorWindow(Duration.ofHours(2), Duration.ofHours(12));

    @Test
    void opensTheMarginBeforeDoorsAndClosesTwelveHoursAfterTheStart() {
        ScannableEvent event = event(DOORS, "PUBLISHED");
        assertThat(window.isOpen(event, DOORS.minus(Duration.ofHours(2)).minusSeconds(1))).isFalse();
        assertThat(window.isOpen(event, DOORS.minus(Duration.ofHours(2)))).isTrue();
        assertThat(window.isOpen(event, STARTS.plus(Duration.ofHours(12)))).isTrue();
        assertThat(window.isOpen(event, STARTS.plus(Duration.ofHours(12)).plusSeconds(1))).isFalse();
    }

    @Test
    void usesTheStartWhenNoDoorsTimeIsSet() {
        assertThat(window.opensAt(event(null, "PUBLISHED"))).isEqualTo(STARTS.minus(Duration.ofHours(2)));
    }

    @Test
    void aCancelledEventNeverOpensAndAnUnknownOneCountsAsOpen() {
        assertThat(window.isOpen(event(DOORS, "CANCELLED"), STARTS)).isFalse();
        assertThat(window.isOpen(null, STARTS)).isTrue();
    }

    @Test
    void findsTheTicketTypeFromTheLow64BitsInATokenAndItsName() {
        UUID type = UUID.randomUUID();
        ScannableEvent event = new ScannableEvent(UUID.randomUUID(), "Night", STARTS, DOORS, "PUBLISHED", 100, 1,
                List.of(new ScannableEvent.TicketTypeInfo(type, "GA", "General admission", 100)), null);
        assertThat(event.ticketTypeId(type.getLeastSignificantBits())).isEqualTo(type);
        assertThat(event.ticketTypeId(42L)).isNull();
        assertThat(event.ticketTypeName(type)).isEqualTo("General admission");
    }

    private static ScannableEvent event(Instant doors, String status) {
        return new ScannableEvent(UUID.randomUUID(), "Night", STARTS, doors, status, 100, 1, List.of(), null);
    }
}
