package io.taquilla.order.cancellation;

import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The waitlist side of cancelling an event. There is no waitlist yet: when it exists, its
 * implementation closes the event's list (and tells whoever is on it) on the saga's transaction.
 */
public interface EventWaitlist {

    void closeForCancelledEvent(Handle handle, UUID catalogEventId);
}
