package io.taquilla.catalog.event.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes an event sellable: every field present, positive capacities that fit the venue,
 * prices in one real currency, dates in the order doors → show and sales window → show, and never
 * less capacity than order-service already sold. Returns every violation at once so an organizer
 * can fix a form in one go.
 */
public final class EventRules {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 10_000;
    public static final int MAX_TEXT_LENGTH = 200;
    /** Order-service may keep one row per unit, so a single event is bounded. */
    public static final int MAX_VENUE_CAPACITY = 1_000_000;
    /** Ten million in major units: far above any ticket, far below overflow when multiplied by a quantity. */
    public static final long MAX_PRICE_MINOR = 1_000_000_000L;
    public static final int MAX_TICKET_TYPES = 50;
    /** Codes appear in ticket numbers ({@code TQ-VIP-...}), so no hyphens and no lower case. */
    private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,16}");
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();

    private EventRules() {
    }

    public static List<Violation> check(EventSpec spec) {
        List<Violation> violations = new ArrayList<>();
        text(violations, "name", spec.name(), MAX_NAME_LENGTH);
        if (spec.slug() != null && !Slugs.isValid(spec.slug())) {
            violations.add(new Violation("slug", "must be lower-case letters and digits joined by single hyphens, at most "
                    + Slugs.MAX_LENGTH + " characters, and not shaped like a UUID"));
        }
        if (spec.description() != null && spec.description().length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(new Violation("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
        venue(violations, spec.venue());
        dates(violations, spec);
        if (spec.venueCapacity() == null) {
            violations.add(new Violation("venueCapacity", "is required"));
        } else if (spec.venueCapacity() <= 0 || spec.venueCapacity() > MAX_VENUE_CAPACITY) {
            violations.add(new Violation("venueCapacity", "must be between 1 and " + MAX_VENUE_CAPACITY));
        }
        ticketTypes(violations, spec);
        return violations;
    }

    /**
     * Capacity may shrink only down to what is sold: {@code soldByCode} holds the sold count of each
     * existing ticket type; a type that has sales cannot be removed.
     */
    public static List<Violation> checkAgainstSold(EventSpec spec, Map<String, Integer> soldByCode) {
        List<Violation> violations = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        List<TicketTypeSpec> types = spec.ticketTypes();
        for (int i = 0; i < types.size(); i++) {
            TicketTypeSpec type = types.get(i);
            kept.add(type.code());
            int sold = soldByCode.getOrDefault(type.code(), 0);
            if (type.capacity() < sold) {
                violations.add(new Violation("ticketTypes[" + i + "].capacity",
                        "cannot be below the " + sold + " tickets of " + type.code() + " already sold"));
            }
        }
        soldByCode.forEach((code, sold) -> {
            if (sold > 0 && !kept.contains(code)) {
                violations.add(new Violation("ticketTypes",
                        "ticket type " + code + " cannot be removed: " + sold + " tickets are already sold"));
            }
        });
        return violations;
    }

    private static void venue(List<Violation> violations, Venue venue) {
        if (venue == null) {
            violations.add(new Violation("venue", "is required"));
            return;
        }
        text(violations, "venue.name", venue.name(), MAX_TEXT_LENGTH);
        text(violations, "venue.address", venue.address(), MAX_TEXT_LENGTH);
        text(violations, "venue.city", venue.city(), MAX_TEXT_LENGTH);
        if (venue.timezone() == null || venue.timezone().isBlank()) {
            violations.add(new Violation("venue.timezone", "is required"));
        } else if (!ZONES.contains(venue.timezone())) {
            violations.add(new Violation("venue.timezone", "must be an IANA time zone such as Europe/Madrid"));
        }
    }

    private static void dates(List<Violation> violations, EventSpec spec) {
        required(violations, "startsAt", spec.startsAt());
        required(violations, "doorsOpenAt", spec.doorsOpenAt());
        required(violations, "salesStartAt", spec.salesStartAt());
        required(violations, "salesEndAt", spec.salesEndAt());
        if (spec.doorsOpenAt() != null && spec.startsAt() != null && spec.doorsOpenAt().isAfter(spec.startsAt())) {
            violations.add(new Violation("doorsOpenAt", "must not be after startsAt"));
        }
        if (spec.salesStartAt() != null && spec.salesEndAt() != null && !spec.salesStartAt().isBefore(spec.salesEndAt())) {
            violations.add(new Violation("salesEndAt", "must be after salesStartAt"));
        }
        if (spec.salesEndAt() != null && spec.startsAt() != null && spec.salesEndAt().isAfter(spec.startsAt())) {
            violations.add(new Violation("salesEndAt", "must not be after startsAt"));
        }
    }

    private static void ticketTypes(List<Violation> violations, EventSpec spec) {
        List<TicketTypeSpec> types = spec.ticketTypes();
        if (types == null) {
            violations.add(new Violation("ticketTypes", "is required (it may be empty while the event is a draft)"));
            return;
        }
        if (types.size() > MAX_TICKET_TYPES) {
            violations.add(new Violation("ticketTypes", "at most " + MAX_TICKET_TYPES + " ticket types per event"));
        }
        Set<String> codes = new HashSet<>();
        Set<String> currencies = new HashSet<>();
        long totalCapacity = 0;
        for (int i = 0; i < types.size(); i++) {
            TicketTypeSpec type = types.get(i);
            String at = "ticketTypes[" + i + "]";
            if (type == null) {
                violations.add(new Violation(at, "is required"));
                continue;
            }
            if (type.code() == null || !CODE.matcher(type.code()).matches()) {
                violations.add(new Violation(at + ".code", "must be 1 to 16 upper-case letters, digits or underscores"));
            } else if (!codes.add(type.code())) {
                violations.add(new Violation(at + ".code", "duplicates ticket type code " + type.code()));
            }
            text(violations, at + ".name", type.name(), MAX_TEXT_LENGTH);
            price(violations, at, type);
            if (isCurrency(type.currency())) {
                currencies.add(type.currency());
            }
            if (type.capacity() == null) {
                violations.add(new Violation(at + ".capacity", "is required"));
            } else if (type.capacity() <= 0) {
                violations.add(new Violation(at + ".capacity", "must be positive"));
            } else {
                totalCapacity += type.capacity();
            }
            maxPerOrder(violations, at, type);
        }
        if (currencies.size() > 1) {
            violations.add(new Violation("ticketTypes", "all ticket types of an event must use one currency, found "
                    + new java.util.TreeSet<>(currencies)));
        }
        if (spec.venueCapacity() != null && totalCapacity > spec.venueCapacity()) {
            violations.add(new Violation("ticketTypes", "ticket type capacities add up to " + totalCapacity
                    + ", more than the venue capacity of " + spec.venueCapacity()));
        }
    }

    private static void price(List<Violation> violations, String at, TicketTypeSpec type) {
        if (type.priceMinor() == null) {
            violations.add(new Violation(at + ".priceMinor", "is required"));
        } else if (type.priceMinor() < 0 || type.priceMinor() > MAX_PRICE_MINOR) {
            violations.add(new Violation(at + ".priceMinor", "must be between 0 and " + MAX_PRICE_MINOR + " minor units"));
        }
        if (type.currency() == null || type.currency().isBlank()) {
            violations.add(new Violation(at + ".currency", "is required"));
        } else if (!isCurrency(type.currency())) {
            violations.add(new Violation(at + ".currency", "must be an ISO 4217 currency code such as EUR"));
        }
    }

    private static void maxPerOrder(List<Violation> violations, String at, TicketTypeSpec type) {
        if (type.maxPerOrder() == null) {
            violations.add(new Violation(at + ".maxPerOrder", "is required"));
        } else if (type.maxPerOrder() < 1) {
            violations.add(new Violation(at + ".maxPerOrder", "must be at least 1"));
        } else if (type.capacity() != null && type.capacity() > 0 && type.maxPerOrder() > type.capacity()) {
            violations.add(new Violation(at + ".maxPerOrder", "must not exceed the capacity of " + type.capacity()));
        }
    }

    /** Upper-case ISO 4217 codes with a minor unit; XAU, XXX and friends are not prices. */
    static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void text(List<Violation> violations, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
        } else if (value.length() > maxLength) {
            violations.add(new Violation(field, "must be at most " + maxLength + " characters"));
        }
    }

    private static void required(List<Violation> violations, String field, Instant value) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        }
    }
}
