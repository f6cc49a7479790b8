package io.taquilla.order.cancellation;

import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/** Stands in for the waitlist until it is built (see {@link EventWaitlist}). */
@Component
@ConditionalOnMissingBean(value = EventWaitlist.class, ignored = NoWaitlistYet.class)
class NoWaitlistYet implements EventWaitlist {

    @Override
    public void closeForCancelledEvent(Handle handle, UUID catalogEventId) {
        // Nothing to close yet.
    }
}
