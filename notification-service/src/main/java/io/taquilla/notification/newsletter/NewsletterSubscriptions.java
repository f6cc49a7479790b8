package io.taquilla.notification.newsletter;

import io.taquilla.notification.sending.EmailAddresses;
import io.taquilla.notification.sending.EmailMessage;
import io.taquilla.notification.sending.EmailSender;
import io.taquilla.notification.sending.MailRequestLimit;
import io.taquilla.notification.sending.SendFailure;
import io.taquilla.ticketrender.TicketLanguage;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newsletter's double opt-in. Subscribing records the address as PENDING and mails a link
 * that confirms it (valid {@link #CONFIRM_FOR}); only CONFIRMED addresses are on the list.
 * Unsubscribing works with the token of any mailing's link, for ever. Nothing here tells a caller
 * whether an address was already known. The confirmation mail is sent after the commit, off the
 * request thread; if it is lost, subscribing again sends a new one (limited per address).
 */
public class NewsletterSubscriptions {

    static final Duration CONFIRM_FOR = Duration.ofHours(48);
    private static final Logger log = LoggerFactory.getLogger(NewsletterSubscriptions.class);

    /** What a token did. */
    enum Outcome { DONE, UNKNOWN_TOKEN }

    private final Jdbi jdbi;
    private final EmailSender sender;
    private final NewsletterMail mail;
    private final MailRequestLimit limit = new MailRequestLimit("newsletter-confirmation", 3, Duration.ofHours(1));
    private final ExecutorService mailer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "newsletter-mailer");
        thread.setDaemon(true);
        return thread;
    });

    NewsletterSubscriptions(Jdbi jdbi, EmailSender sender, NewsletterMail mail) {
        this.jdbi = jdbi;
        this.sender = sender;
        this.mail = mail;
    }

    /** Asks {@code email} to confirm (unless it is confirmed already or asked too often). */
    void subscribe(String email, String locale) {
        String address = EmailAddresses.normalise(email);
        TicketLanguage language = TicketLanguage.of(locale);
        Optional<EmailMessage> confirmation = jdbi.inTransaction(handle -> {
            UUID subscriber = pending(handle, address, language);
            if (subscriber == null || !limit.allow(handle, address)) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            String confirm = NewsletterTokens.issue(handle, subscriber, NewsletterTokens.Purpose.CONFIRM, now.plus(CONFIRM_FOR));
            String unsubscribe = NewsletterTokens.issue(handle, subscriber, NewsletterTokens.Purpose.UNSUBSCRIBE, null);
            return Optional.of(mail.confirmation(address, language, confirm, unsubscribe));
        });
        confirmation.ifPresent(message -> mailer.execute(() -> send(message)));
    }

    Outcome confirm(String token) {
        return jdbi.inTransaction(handle -> {
            Optional<NewsletterTokens.Found> found = NewsletterTokens.find(handle, token)
                    .filter(t -> t.purpose() == NewsletterTokens.Purpose.CONFIRM);
            if (found.isEmpty() || found.get().expired(Instant.now())) {
                return Outcome.UNKNOWN_TOKEN;
            }
            int changed = handle.createUpdate("""
                            update newsletter_subscribers
                               set status = 'CONFIRMED', confirmed_at = coalesce(confirmed_at, clock_timestamp()),
                                   updated_at = clock_timestamp()
                             where id = :id and status = 'PENDING'
                            """)
                    .bind("id", found.get().subscriberId()).execute();
            if (changed == 0) {
                // A second click (already confirmed) is fine; after unsubscribing, an old link must not resubscribe.
                return status(handle, found.get().subscriberId()).equals("CONFIRMED") ? Outcome.DONE : Outcome.UNKNOWN_TOKEN;
            }
            NewsletterTokens.markUsed(handle, token);
            return Outcome.DONE;
        });
    }

    Outcome unsubscribe(String token) {
        return jdbi.inTransaction(handle -> {
            Optional<NewsletterTokens.Found> found = NewsletterTokens.find(handle, token)
                    .filter(t -> t.purpose() == NewsletterTokens.Purpose.UNSUBSCRIBE);
            if (found.isEmpty()) {
                return Outcome.UNKNOWN_TOKEN;
            }
            handle.createUpdate("""
                            update newsletter_subscribers
                               set status = 'UNSUBSCRIBED', unsubscribed_at = clock_timestamp(), updated_at = clock_timestamp()
                             where id = :id and status <> 'UNSUBSCRIBED'
                            """)
                    .bind("id", found.get().subscriberId()).execute();
            NewsletterTokens.markUsed(handle, token);
            return Outcome.DONE;
        });
    }

    /** The subscriber to send a confirmation to: new, pending, or back after unsubscribing; null if confirmed. */
    private static UUID pending(Handle handle, String address, TicketLanguage language) {
        return handle.createQuery("""
                        insert into newsletter_subscribers (id, email, locale)
                        values (:id, :email, :locale)
                        on conflict (lower(email)) do update
                           set status = case when newsletter_subscribers.status = 'CONFIRMED' then 'CONFIRMED' else 'PENDING' end,
                               locale = excluded.locale, updated_at = clock_timestamp()
                        returning id, status
                        """)
                .bind("id", UUID.randomUUID())
                .bind("email", address)
                .bind("locale", language.tag())
                .map((rs, ctx) -> "CONFIRMED".equals(rs.getString("status")) ? null : rs.getObject("id", UUID.class))
                .one();
    }

    private static String status(Handle handle, UUID id) {
        return handle.createQuery("select status from newsletter_subscribers where id = :id").bind("id", id)
                .mapTo(String.class).one();
    }

    private void send(EmailMessage message) {
        try {
            sender.send(message);
        } catch (SendFailure | RuntimeException e) {
            log.warn("newsletter confirmation mail not sent ({}); subscribing again sends another", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        mailer.shutdown();
    }
}
