package io.taquilla.ticketrender;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;

/**
 * An iCalendar (RFC 5545) file with the event, to add to a calendar: start in the venue's time zone
 * (with the VTIMEZONE that zone id needs, built from the JDK's rules around the event), the event's
 * name, the venue with its address, and the link to the tickets. Lines end in CRLF and are folded
 * at 75 octets; text values are escaped.
 */
public final class EventCalendar {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private EventCalendar() {
    }

    /**
     * @param uid         stable per order, so importing twice updates rather than duplicates
     * @param description a line or two for the entry (e.g. how many tickets), may be null
     * @param url         where the tickets are, may be null
     */
    public static String ics(String uid, EventDetails event, String description, String url, Instant now) {
        StringBuilder out = new StringBuilder(1024);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Taquilla//Tickets//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        boolean utc = event.zone().getRules().isFixedOffset()
                && event.zone().getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
        if (!utc && event.startsAt() != null) {
            timezone(out, event);
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(uid));
        line(out, "DTSTAMP:" + UTC.format(now));
        if (event.startsAt() != null) {
            line(out, utc ? "DTSTART:" + UTC.format(event.startsAt())
                    : "DTSTART;TZID=" + event.zone().getId() + ":" + LOCAL.format(event.localStart()));
        }
        line(out, "SUMMARY:" + text(event.name()));
        String where = event.where();
        if (!where.isEmpty()) {
            line(out, "LOCATION:" + text(where));
        }
        String details = description == null ? "" : description;
        if (url != null) {
            details = details.isEmpty() ? url : details + "\n" + url;
            line(out, "URL:" + url);
        }
        if (!details.isEmpty()) {
            line(out, "DESCRIPTION:" + text(details));
        }
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** The zone's definition around the event: the transition in force at the start and the next one. */
    private static void timezone(StringBuilder out, EventDetails event) {
        ZoneRules rules = event.zone().getRules();
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + event.zone().getId());
        ZoneOffsetTransition previous = rules.previousTransition(event.startsAt().plusSeconds(1));
        if (previous == null) {
            ZoneOffset offset = rules.getOffset(event.startsAt());
            observance(out, "STANDARD", LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset,
                    event.zone().getDisplayName(TextStyle.SHORT, Locale.ROOT));
        } else {
            observance(out, previous);
            ZoneOffsetTransition next = rules.nextTransition(previous.getInstant());
            if (next != null) {
                observance(out, next);
            }
        }
        line(out, "END:VTIMEZONE");
    }

    private static void observance(StringBuilder out, ZoneOffsetTransition transition) {
        boolean daylight = transition.getOffsetAfter().getTotalSeconds() > transition.getOffsetBefore().getTotalSeconds();
        observance(out, daylight ? "DAYLIGHT" : "STANDARD", transition.getDateTimeBefore(), transition.getOffsetBefore(),
                transition.getOffsetAfter(), null);
    }

    private static void observance(StringBuilder out, String kind, LocalDateTime start, ZoneOffset from, ZoneOffset to,
                                   String name) {
        line(out, "BEGIN:" + kind);
        line(out, "DTSTART:" + LOCAL.format(start));
        line(out, "TZOFFSETFROM:" + offset(from));
        line(out, "TZOFFSETTO:" + offset(to));
        if (name != null && !name.isBlank()) {
            line(out, "TZNAME:" + text(name));
        }
        line(out, "END:" + kind);
    }

    private static String offset(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        int abs = Math.abs(seconds);
        String value = String.format(Locale.ROOT, "%s%02d%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? value : value + String.format(Locale.ROOT, "%02d", abs % 60);
    }

    /** RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks as {@code \n}. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line folded at 75 octets (never inside a UTF-8 character), ending in CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
