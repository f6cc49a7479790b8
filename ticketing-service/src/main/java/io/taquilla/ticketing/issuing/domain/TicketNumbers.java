package io.taquilla.ticketing.issuing.domain;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Human-readable, unguessable ticket numbers: {@code TQ-PF-20260115-7KX9M2QD} — the initials of the
 * event name, the event's date (UTC) and 40 bits from {@link SecureRandom} in Crockford base32, so
 * a number read out at the box office can't be guessed from a neighbour's.
 */
public final class TicketNumbers {

    /** Crockford's base32: no I, L, O or U, so nothing is mistaken for 1, 0 or a word. */
    static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int RANDOM_CHARACTERS = 8; // 8 x 5 bits = 40 random bits
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final int MAX_INITIALS = 3;

    private final SecureRandom random;

    public TicketNumbers(SecureRandom random) {
        this.random = random;
    }

    public String next(String eventName, Instant eventStartsAt) {
        return "TQ-" + initials(eventName) + "-" + DATE.format(eventStartsAt) + "-" + randomPart();
    }

    /** {@code Primavera Fest} → {@code PF}; {@code Ópera} → {@code OP}; nothing usable → {@code EV}. */
    static String initials(String eventName) {
        String ascii = eventName == null ? "" : Normalizer.normalize(eventName, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toUpperCase(Locale.ROOT);
        String[] words = ascii.split("[^A-Z0-9]+");
        StringBuilder initials = new StringBuilder();
        String first = null;
        for (String word : words) {
            if (!word.isEmpty() && initials.length() < MAX_INITIALS) {
                initials.append(word.charAt(0));
                first = first == null ? word : first;
            }
        }
        if (initials.length() == 1) {
            return first.length() > 1 ? first.substring(0, 2) : first;
        }
        return initials.length() == 0 ? "EV" : initials.toString();
    }

    private String randomPart() {
        char[] out = new char[RANDOM_CHARACTERS];
        for (int i = 0; i < out.length; i++) {
            out[i] = CROCKFORD.charAt(random.nextInt(CROCKFORD.length()));
        }
        return new String(out);
    }
}
