package io.taquilla.order.availability;

import io.taquilla.messaging.EventJson;
import io.taquilla.order.inventory.AvailabilityView;
import io.taquilla.order.inventory.domain.EventAvailability;
import io.taquilla.order.inventory.domain.TypeAvailability;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * One event's availability as streamed: the counts, their JSON (serialized once, sent to every
 * client) and an id that names this state. The id is a digest of the counts, so it means the same
 * on every instance and after a restart: a client reconnecting with {@code Last-Event-ID} equal to
 * the current id already shows the current state.
 */
record AvailabilityState(EventAvailability availability, String id, String json) {

    static AvailabilityState of(EventAvailability availability) {
        return new AvailabilityState(availability, idOf(availability),
                EventJson.MAPPER.writeValueAsString(AvailabilityView.of(availability)));
    }

    /** This state with one type's new counts; null when the type is not part of it (reload instead). */
    AvailabilityState with(UUID ticketTypeId, int capacity, int held, int sold, int available) {
        List<TypeAvailability> types = new ArrayList<>(availability.ticketTypes().size());
        boolean found = false;
        for (TypeAvailability type : availability.ticketTypes()) {
            if (type.ticketTypeId().equals(ticketTypeId)) {
                found = true;
                types.add(new TypeAvailability(type.ticketTypeId(), type.code(), type.name(), capacity, held, sold, available));
            } else {
                types.add(type);
            }
        }
        return found ? of(new EventAvailability(availability.eventId(), List.copyOf(types))) : null;
    }

    private static String idOf(EventAvailability availability) {
        StringBuilder counts = new StringBuilder();
        for (TypeAvailability type : availability.ticketTypes()) {
            counts.append(type.ticketTypeId()).append(':').append(type.capacity()).append(':').append(type.held())
                    .append(':').append(type.sold()).append(':').append(type.available()).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(counts.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
