package io.taquilla.web.security;

import io.taquilla.web.ApiProblem;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as the verified token says: the subject, roles, the organizer the roles are
 * scoped to, and for door tokens the device and the events it may admit at. Controllers take it
 * as a parameter and ask it before they show or change anything that belongs to an organizer.
 *
 * <p>Rights: {@code platform-admin} sees and changes everything; {@code organizer-admin} sees and
 * changes its organizer's data; {@code organizer-staff} sees its organizer's data and does the
 * day-to-day service tasks ({@link #canAssist}); {@code door} scans at its organizer's events
 * (only the listed ones when the token lists {@code events}). Another organizer's resource is
 * reported as not found, so nothing about it leaks.
 *
 * @param organizerId the {@code org} claim; null for platform admins (and tokens without one)
 * @param events the {@code events} claim of a door token; null means every event of the organizer
 * @param deviceId the {@code device_id} claim of a door token
 */
public record StaffCaller(String subject, Set<String> roles, UUID organizerId, Set<UUID> events, String deviceId,
                          String name) {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String ORGANIZER_ADMIN = "organizer-admin";
    public static final String ORGANIZER_STAFF = "organizer-staff";
    public static final String DOOR = "door";

    /** The roles that may use {@code /api/admin/**} at all (each route then checks ownership). */
    public static final String[] STAFF_ROLES = {PLATFORM_ADMIN, ORGANIZER_ADMIN, ORGANIZER_STAFF};

    public static StaffCaller from(Jwt jwt, JwtSettings settings) {
        return new StaffCaller(jwt.getSubject(), Set.copyOf(strings(claim(jwt, settings.rolesClaim()))),
                uuid(claim(jwt, settings.organizerClaim())),
                jwt.hasClaim("events") ? Set.copyOf(uuids(jwt.getClaim("events"))) : null,
                jwt.getClaimAsString("device_id"),
                jwt.hasClaim("name") ? jwt.getClaimAsString("name") : jwt.getSubject());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean platformAdmin() {
        return has(PLATFORM_ADMIN);
    }

    /** For list queries: empty means every organizer (platform admin); otherwise only this one. */
    public Optional<UUID> organizerScope() {
        return platformAdmin() ? Optional.empty() : Optional.of(organizerId == null ? new UUID(0, 0) : organizerId);
    }

    /** May read data of {@code organizer}: platform admin, or any role of that organizer. */
    public boolean canSee(UUID organizer) {
        return platformAdmin() || ownOrganizer(organizer)
                && (has(ORGANIZER_ADMIN) || has(ORGANIZER_STAFF) || has(DOOR));
    }

    /** May do staff service tasks (resend a ticket email, undo a check-in) for {@code organizer}. */
    public boolean canAssist(UUID organizer) {
        return platformAdmin() || ownOrganizer(organizer) && (has(ORGANIZER_ADMIN) || has(ORGANIZER_STAFF));
    }

    /** May change {@code organizer}'s events, cancel and refund its orders. */
    public boolean canManage(UUID organizer) {
        return platformAdmin() || ownOrganizer(organizer) && has(ORGANIZER_ADMIN);
    }

    /**
     * May work the door of event {@code eventId} of {@code organizer}: staff of the organizer, or a
     * door token of the organizer whose {@code events} list (when present) names the event.
     */
    public boolean canWorkDoor(UUID organizer, UUID eventId) {
        if (platformAdmin() || ownOrganizer(organizer) && (has(ORGANIZER_ADMIN) || has(ORGANIZER_STAFF))) {
            return true;
        }
        return ownOrganizer(organizer) && has(DOOR) && (events == null || events.contains(eventId));
    }

    /** Throws 404 {@code what id} unless the caller may see {@code organizer}'s data. */
    public void requireSee(UUID organizer, String what, Object id) {
        if (!canSee(organizer)) {
            throw ApiProblem.notFound(what, id);
        }
    }

    /** 404 when the caller may not even see it; 403 when it may see but not change it. */
    public void requireManage(UUID organizer, String what, Object id) {
        requireSee(organizer, what, id);
        if (!canManage(organizer)) {
            throw forbidden("Only an organizer admin may change " + what + " " + id);
        }
    }

    /** 404 when the caller may not see it; 403 when it may see it but its role cannot do this task. */
    public void requireAssist(UUID organizer, String what, Object id) {
        requireSee(organizer, what, id);
        if (!canAssist(organizer)) {
            throw forbidden("Your role may not do this to " + what + " " + id);
        }
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    private boolean ownOrganizer(UUID organizer) {
        return organizer != null && organizer.equals(organizerId);
    }

    /** A top-level claim, or a dotted path into nested objects ({@code realm_access.roles}). */
    static Object claim(Jwt jwt, String name) {
        if (jwt.hasClaim(name) || !name.contains(".")) {
            return jwt.getClaims().get(name);
        }
        Object current = jwt.getClaims();
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    static List<String> strings(Object value) {
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (value instanceof String text && !text.isBlank()) {
            return List.of(text.trim().split("[,\\s]+"));
        }
        return List.of();
    }

    private static Set<UUID> uuids(Object value) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String text : strings(value)) {
            UUID id = uuid(text);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(String.valueOf(value).trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
