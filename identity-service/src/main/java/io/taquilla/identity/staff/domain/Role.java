package io.taquilla.identity.staff.domain;

import java.util.Arrays;
import java.util.Optional;

/** What a staff account may do; the wire name is what tokens carry in {@code roles}. */
public enum Role {
    PLATFORM_ADMIN("platform-admin"),
    ORGANIZER_ADMIN("organizer-admin"),
    ORGANIZER_STAFF("organizer-staff"),
    DOOR("door");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Every role except platform-admin is scoped to one organizer. */
    public boolean scopedToOrganizer() {
        return this != PLATFORM_ADMIN;
    }

    public static Optional<Role> fromWire(String value) {
        return Arrays.stream(values()).filter(r -> r.wire.equals(value)).findFirst();
    }
}
