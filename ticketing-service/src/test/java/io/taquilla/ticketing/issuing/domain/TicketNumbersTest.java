package io.taquilla.ticketing.issuing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    private final TicketNumbers numbers = new TicketNumbers(new SecureRandom());

    @Test
    void numbersReadAsPrefixInitialsDateAndEightCrockfordCharacters() {
        String number = numbers.next("Primavera Fest", Instant.parse("2026-01-15T21:00:00Z"));

        assertThat(number).matches("TQ-PF-20260115-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{8}");
    }

    @Test
    void theDateIsTheUtcDateOfTheEvent() {
        assertThat(numbers.next("Late Show", Instant.parse("2026-01-15T23:30:00Z"))).startsWith("TQ-LS-20260115-");
        assertThat(numbers.next("Late Show", Instant.parse("2026-01-16T00:30:00Z"))).startsWith("TQ-LS-20260116-");
    }

    @Test
    void initialsCopeWithAccentsSymbolsSingleWordsAndNothing() {
        assertThat(TicketNumbers.initials("Primavera Fest")).isEqualTo("PF");
        assertThat(TicketNumbers.initials("Ópera de Ñuñoa")).isEqualTo("ODN");
        assertThat(TicketNumbers.initials("Rock & Roll All Night")).isEqualTo("RRA");
        assertThat(TicketNumbers.initials("Sónar")).isEqualTo("SO");
        assertThat(TicketNumbers.initials("X")).isEqualTo("X");
        assertThat(TicketNumbers.initials("<script>alert(1)</script>")).isEqualTo("SA1");
        assertThat(TicketNumbers.initials("東京")).isEqualTo("EV");
        assertThat(TicketNumbers.initials(null)).isEqualTo("EV");
    }

    @Test
    void randomPartCarriesFortyBitsAndDoesNotRepeat() {
        assertThat(TicketNumbers.CROCKFORD).hasSize(32);
        assertThat(TicketNumbers.RANDOM_CHARACTERS * 5).isGreaterThanOrEqualTo(40);
        Set<String> seen = new HashSet<>();
        Instant date = Instant.parse("2026-01-15T21:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            seen.add(numbers.next("Primavera Fest", date));
        }
        assertThat(seen).hasSize(20_000);
    }
}
