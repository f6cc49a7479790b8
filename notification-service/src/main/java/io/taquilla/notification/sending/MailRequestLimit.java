package io.taquilla.notification.sending;

import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * How often anyone may make us mail one address for one purpose (a resend, a confirmation): at
 * most {@code max} requests per {@code window}, counted in the database so every instance agrees.
 * Stops the public forms from being used to flood someone's inbox.
 */
public final class MailRequestLimit {

    private final String purpose;
    private final int max;
    private final Duration window;

    public MailRequestLimit(String purpose, int max, Duration window) {
        this.purpose = purpose;
        this.max = max;
        this.window = window;
    }

    /** Counts this request; true if it is within the limit. */
    public boolean allow(Handle handle, String email) {
        int requests = handle.createQuery("""
                        insert into mail_request_window (purpose, email_hash, window_start, requests)
                        values (:purpose, :hash, clock_timestamp(), 1)
                        on conflict (purpose, email_hash) do update
                           set window_start = case when mail_request_window.window_start
                                                        <= clock_timestamp() - make_interval(secs => :seconds)
                                                   then clock_timestamp() else mail_request_window.window_start end,
                               requests = case when mail_request_window.window_start
                                                    <= clock_timestamp() - make_interval(secs => :seconds)
                                               then 1 else mail_request_window.requests + 1 end
                        returning requests
                        """)
                .bind("purpose", purpose)
                .bind("hash", EmailAddresses.hash(email))
                .bind("seconds", (double) window.toSeconds())
                .mapTo(Integer.class)
                .one();
        return requests <= max;
    }
}
