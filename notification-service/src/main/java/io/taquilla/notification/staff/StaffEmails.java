package io.taquilla.notification.staff;

import io.taquilla.contracts.Topics;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.notification.sending.EmailMessage;
import io.taquilla.notification.sending.EmailSender;
import io.taquilla.notification.sending.SendFailure;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * identity.staff.v1 → invitation and password-reset emails, exactly once per event: the row is
 * recorded with the inbox entry (one transaction), then sent through the service's
 * {@link EmailSender} with a Message-ID derived from the event, retried with back-off when the
 * provider fails. Logs name the event and the kind, never the link.
 */
@Component
class StaffEmails {

    static final String CONSUMER = "notification-service.staff";
    private static final Logger log = LoggerFactory.getLogger(StaffEmails.class);
    private static final int MAX_ATTEMPTS = 8;

    record Due(UUID eventId, String kind, String recipient, String subject, String text, String html, int attempts) {}

    private final IncomingEvents incoming;
    private final Jdbi jdbi;
    private final EmailSender email;
    private final String messageIdDomain;

    StaffEmails(IncomingEvents incoming, Jdbi jdbi, EmailSender email,
                @Value("${taquilla.notification.mail-from:tickets@taquilla.local}") String mailFrom) {
        this.incoming = incoming;
        this.jdbi = jdbi;
        this.email = email;
        this.messageIdDomain = mailFrom.contains("@") ? mailFrom.substring(mailFrom.indexOf('@') + 1).replace(">", "").trim()
                : "taquilla.local";
    }

    @KafkaListener(topics = Topics.IDENTITY_STAFF)
    void on(ConsumerRecord<String, String> record) throws Exception {
        boolean recorded = incoming.handle(CONSUMER, record, (handle, event) -> {
            StaffMail.Composed mail = StaffMail.compose(event);
            if (mail != null) {
                handle.createUpdate("""
                        insert into staff_email (event_id, kind, recipient, subject, text_body, html_body)
                        values (:id, :kind, :to, :subject, :text, :html) on conflict (event_id) do nothing
                        """)
                        .bind("id", event.eventId()).bind("kind", mail.kind()).bind("to", mail.to())
                        .bind("subject", mail.subject()).bind("text", mail.text()).bind("html", mail.html()).execute();
            }
        });
        if (recorded) {
            sendDue();
        }
    }

    /** Sends what is due; also runs on a timer for retries. Rows are claimed so two instances never both send one. */
    @Scheduled(fixedDelayString = "${taquilla.notification.staff.poll-interval:5s}")
    void sendDue() {
        List<Due> due = jdbi.inTransaction(handle -> handle.createQuery("""
                        update staff_email set next_attempt_at = clock_timestamp() + interval '2 minutes', attempts = attempts + 1
                         where event_id in (select event_id from staff_email
                                             where status = 'PENDING' and next_attempt_at <= clock_timestamp()
                                             order by next_attempt_at limit 20 for update skip locked)
                        returning event_id, kind, recipient, subject, text_body, html_body, attempts
                        """)
                .map((rs, ctx) -> new Due(rs.getObject("event_id", UUID.class), rs.getString("kind"), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"), rs.getInt("attempts")))
                .list());
        for (Due mail : due) {
            send(mail);
        }
    }

    private void send(Due mail) {
        try {
            email.send(new EmailMessage(mail.recipient(), mail.subject(), mail.text(), mail.html(), List.of(), List.of(),
                    "staff-" + mail.eventId() + "@" + messageIdDomain));
            jdbi.useHandle(h -> h.createUpdate("""
                    update staff_email set status = 'SENT', sent_at = clock_timestamp(), text_body = null, html_body = null,
                                           last_error = null where event_id = :id
                    """).bind("id", mail.eventId()).execute());
            log.info("sent {} email for staff event {}", mail.kind(), mail.eventId());
        } catch (SendFailure failure) {
            boolean give_up = failure.permanent() || mail.attempts() >= MAX_ATTEMPTS;
            Duration backoff = Duration.ofSeconds(Math.min(600, 5L << Math.min(mail.attempts(), 7)));
            jdbi.useHandle(h -> h.createUpdate("""
                    update staff_email set status = :status, last_error = :error,
                                           next_attempt_at = clock_timestamp() + cast(:backoff as interval) where event_id = :id
                    """).bind("id", mail.eventId()).bind("status", give_up ? "FAILED" : "PENDING")
                    .bind("error", failure.getMessage()).bind("backoff", backoff.toSeconds() + " seconds").execute());
            log.warn("{} email for staff event {} failed (attempt {}{}): {}", mail.kind(), mail.eventId(), mail.attempts(),
                    give_up ? ", giving up" : "", failure.getMessage());
        }
    }
}
