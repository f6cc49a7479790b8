package io.taquilla.notification.resend;

import io.taquilla.notification.delivery.DeliveryDispatcher;
import io.taquilla.notification.sending.EmailAddresses;
import io.taquilla.notification.sending.MailRequestLimit;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Resend my tickets": every tickets email this service sent to the address goes out again (same
 * email, so the same QR codes, PDF and link to the tickets page), through the dispatcher with its
 * retries. Orders refunded since are left out. Limited per address; the caller learns nothing of
 * what was found, so the form cannot tell anyone who bought tickets.
 */
@Component
public class ResendTickets {

    private static final Logger log = LoggerFactory.getLogger(ResendTickets.class);

    private final Jdbi jdbi;
    private final DeliveryDispatcher dispatcher;
    private final MailRequestLimit limit = new MailRequestLimit("tickets-resend", 3, Duration.ofHours(1));

    public ResendTickets(Jdbi jdbi, DeliveryDispatcher dispatcher) {
        this.jdbi = jdbi;
        this.dispatcher = dispatcher;
    }

    /** Returns how many tickets emails were queued again (0 when none, or over the limit). */
    public int apply(String email) {
        String address = EmailAddresses.normalise(email);
        int requeued = jdbi.inTransaction(handle -> {
            if (!limit.allow(handle, address)) {
                return -1;
            }
            return handle.createUpdate("""
                            update delivery d
                               set status = 'PENDING', attempts = 0, resends = d.resends + 1, last_error = null,
                                   next_attempt_at = clock_timestamp(), updated_at = clock_timestamp()
                             where d.kind = 'TICKETS' and d.channel = 'EMAIL' and lower(d.recipient) = :address
                               and d.status in ('SENT', 'FAILED')
                               and not exists (select 1 from delivery r
                                                where r.order_id = d.order_id and r.kind in ('REFUND', 'LATE_PAYMENT_REFUNDED'))
                            """)
                    .bind("address", address)
                    .execute();
        });
        if (requeued < 0) {
            log.info("tickets resend refused: over the limit for one address");
            return 0;
        }
        if (requeued > 0) {
            dispatcher.wakeUp();
        }
        log.info("tickets resend requested: {} email(s) queued again", requeued);
        return requeued;
    }
}
