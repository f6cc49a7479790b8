package io.taquilla.ticketrender;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * The event a ticket is for, as printed. {@code startsAt} is an instant; it is shown in the venue's
 * zone ({@code zone}), never the server's or UTC.
 */
public record EventDetails(String name, String venueName, String venueAddress, String venueCity, Instant startsAt,
                           ZoneId zone) {

    private static final ZoneId UTC = ZoneId.of("UTC");

    public EventDetails {
        zone = zone == null ? UTC : zone;
    }

    /** The venue's IANA zone id, or UTC when missing or not a zone this JVM knows. */
    public static ZoneId zoneOf(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return UTC;
        }
        try {
            return ZoneId.of(timezone.trim());
        } catch (DateTimeException e) {
            return UTC;
        }
    }

    public ZonedDateTime localStart() {
        return startsAt == null ? null : startsAt.atZone(zone);
    }

    /**
     * Date and time at the venue in the buyer's language, with the zone's short name:
     * {@code Saturday, January 17, 2026, 9:00 PM CET} or {@code sábado, 17 de enero de 2026 21:00 CET}.
     */
    public String when(TicketLanguage language) {
        if (startsAt == null) {
            return "";
        }
        ZonedDateTime local = localStart();
        String dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(language.locale()).format(local);
        String zoneName = DateTimeFormatter.ofPattern("zzz", language.locale()).format(local);
        // Narrow no-break spaces (CLDR 42+) are not in the PDF's fonts or every mail client's.
        return (dateTime + " " + zoneName).replace('\u202f', ' ').replace('\u00a0', ' ');
    }

    /** The venue on one line: name, address, city (those present). */
    public String where() {
        StringBuilder out = new StringBuilder();
        for (String part : new String[] {venueName, venueAddress, venueCity}) {
            if (part != null && !part.isBlank() && out.indexOf(part.strip()) < 0) {
                out.append(out.length() == 0 ? "" : ", ").append(part.strip());
            }
        }
        return out.toString();
    }
}
