package io.taquilla.ticketing.issuing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ordering.OrderLine;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketUnitsTest {

    @Test
    void oneUnitPerTicketWithItsLineAndPosition() {
        OrderLine general = line(3);
        OrderLine vip = line(1);

        List<TicketUnits.Unit> units = TicketUnits.of(List.of(general, vip));

        assertThat(units).extracting(u -> u.lineIndex() + ":" + u.unitIndex()).containsExactly("0:0", "0:1", "0:2", "1:0");
        assertThat(units.get(3).line()).isEqualTo(vip);
    }

    @Test
    void ordersWithoutTicketsOrWithBrokenLinesAreRefused() {
        assertThatThrownBy(() -> TicketUnits.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketUnits.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketUnits.of(List.of(line(-1)))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketUnits.of(List.of(new OrderLine(null, "GA", "General", 1, new Money(100, "EUR")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketUnits.of(List.of(line(TicketUnits.MAX_TICKETS_PER_ORDER + 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static OrderLine line(int quantity) {
        return new OrderLine(UUID.randomUUID(), "GA", "General admission", quantity, new Money(2500, "EUR"));
    }
}
