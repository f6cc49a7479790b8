package io.taquilla.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.notification.DeliveryStatusChanged;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.messaging.worker.Backoff;
import io.taquilla.messaging.worker.Worker;
import io.taquilla.notification.NotificationProperties;
import io.taquilla.notification.delivery.domain.Channel;
import io.taquilla.notification.delivery.domain.DeliveryKind;
import io.taquilla.notification.delivery.domain.DeliveryStatus;
import io.taquilla.notification.delivery.domain.RetryPolicy;
import io.taquilla.notification.message.MessageComposer;
import io.taquilla.notification.sending.EmailSender;
import io.taquilla.notification.sending.SendFailure;
import io.taquilla.notification.sending.SendReceipt;
import io.taquilla.notification.sending.SmsSender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends recorded deliveries. Each worker claims due rows with {@code FOR UPDATE SKIP LOCKED},
 * marks them SENDING and commits, then calls the provider, then records the outcome (SENT,
 * RETRYING with exponential back-off, FAILED after the last attempt, SKIPPED for SMS without a
 * provider) and a {@code DeliveryStatusChanged} outbox row in one transaction.
 *
 * <p>Committing SENDING before the call is what stops a crash from silently resending: a row
 * stuck in SENDING is only taken over once its claim lapses ({@code lease}). The one window left
 * is a crash after the provider accepted the message and before SENT committed; that delivery is
 * sent again after the lease, with the same Message-ID. Delivery is at least once.
 *
 * <p>Workers (the shared {@link Worker}) wake when the consumer records a delivery
 * ({@link #wakeUp()}) and otherwise poll, so retries and other instances' rows are picked up
 * within {@code pollInterval}.
 */
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    private final Jdbi jdbi;
    private final MessageComposer composer;
    private final EmailSender email;
    private final SmsSender sms;
    private final Outbox outbox;
    private final DeliveryMetrics metrics;
    private final NotificationProperties.Dispatcher settings;
    private final RetryPolicy retryPolicy;
    private final Worker workers;
    private volatile Instant nextGaugeRefresh = Instant.EPOCH;

    public DeliveryDispatcher(Jdbi jdbi, MessageComposer composer, EmailSender email, SmsSender sms, Outbox outbox,
                              DeliveryMetrics metrics, NotificationProperties.Dispatcher settings, RetryPolicy retryPolicy,
                              MeterRegistry meters) {
        this.jdbi = jdbi;
        this.composer = composer;
        this.email = email;
        this.sms = sms;
        this.outbox = outbox;
        this.metrics = metrics;
        this.settings = settings;
        this.retryPolicy = retryPolicy;
        this.workers = new Worker("delivery-dispatcher", Math.max(1, settings.workers()), settings.pollInterval(),
                Backoff.doubling(settings.pollInterval(), settings.pollInterval().compareTo(Duration.ofSeconds(10)) > 0
                        ? settings.pollInterval() : Duration.ofSeconds(10)), meters, this::round);
    }

    /** New deliveries were committed: let an idle worker look now rather than at its next poll. */
    public void wakeUp() {
        workers.wakeUp();
    }

    /** Claims one batch of due deliveries and sends them. Returns how many it handled. */
    public int dispatchBatch() {
        List<Delivery> claimed = jdbi.inTransaction(handle -> Deliveries.claimDue(handle, settings.batchSize(), settings.lease()));
        for (Delivery delivery : claimed) {
            dispatch(delivery);
        }
        return claimed.size();
    }

    private void dispatch(Delivery delivery) {
        Instant startedAt = Instant.now();
        if (delivery.channel() == Channel.SMS && !sms.configured()) {
            finish(delivery, startedAt, DeliveryStatus.SKIPPED, null, "SMS provider not configured (TWILIO_* unset)", null, 0);
            return;
        }
        long start = System.nanoTime();
        try {
            SendReceipt receipt = send(delivery);
            metrics.sendLatency(delivery.channel(), true, Duration.ofNanos(System.nanoTime() - start));
            finish(delivery, startedAt, DeliveryStatus.SENT, null,
                    receipt.providerId() == null ? "accepted" : "accepted as " + receipt.providerId(),
                    receipt.providerId(), delivery.attempts());
        } catch (SendFailure failure) {
            metrics.sendLatency(delivery.channel(), false, Duration.ofNanos(System.nanoTime() - start));
            failed(delivery, startedAt, failure.getMessage(), failure.permanent());
        } catch (RuntimeException bug) {
            // A payload or template this build cannot render: retry, so a fixed deployment can still send it.
            log.error("cannot render delivery {} ({} {} for order {})", delivery.id(), delivery.kind(), delivery.channel(),
                    delivery.orderId(), bug);
            metrics.sendLatency(delivery.channel(), false, Duration.ofNanos(System.nanoTime() - start));
            failed(delivery, startedAt, "cannot render: " + bug, false);
        }
    }

    private SendReceipt send(Delivery delivery) throws SendFailure {
        if (delivery.channel() == Channel.SMS) {
            return sms.send(composer.sms(delivery));
        }
        String eventName = delivery.kind() == DeliveryKind.TICKETS ? null
                : jdbi.withHandle(handle -> Deliveries.eventNameOf(handle, delivery.orderId())).orElse(null);
        return email.send(composer.email(delivery, eventName));
    }

    private void failed(Delivery delivery, Instant startedAt, String error, boolean permanent) {
        RetryPolicy.RetryDecision decision = retryPolicy.afterFailure(delivery.attempts(), permanent);
        if (decision.retry()) {
            Instant next = Instant.now().plus(decision.delay());
            log.warn("delivery {} ({} {} for order {}) attempt {} failed, retrying in {} ms: {}", delivery.id(),
                    delivery.kind(), delivery.channel(), delivery.orderId(), delivery.attempts(),
                    decision.delay().toMillis(), error);
            metrics.retry(delivery.kind(), delivery.channel());
            finish(delivery, startedAt, DeliveryStatus.RETRYING, next, error, null, delivery.attempts());
        } else {
            log.error("delivery {} ({} {} for order {}) failed after {} attempt(s){}: {}", delivery.id(), delivery.kind(),
                    delivery.channel(), delivery.orderId(), delivery.attempts(), permanent ? " (permanent)" : "", error);
            finish(delivery, startedAt, DeliveryStatus.FAILED, null, error, null, delivery.attempts());
        }
    }

    private void finish(Delivery delivery, Instant startedAt, DeliveryStatus status, Instant nextAttemptAt, String detail,
                        String providerId, int attemptsAfter) {
        String error = status == DeliveryStatus.SENT || status == DeliveryStatus.SKIPPED ? null : detail;
        Instant next = status == DeliveryStatus.RETRYING ? nextAttemptAt : null;
        Optional<Delivery> updated = jdbi.inTransaction(handle -> {
            Optional<Delivery> row = Deliveries.complete(handle, delivery.id(), delivery.attempts(), status, next, error,
                    providerId, attemptsAfter);
            if (row.isPresent()) {
                Deliveries.logAttempt(handle, delivery.id(), delivery.attempts(), startedAt, status, detail);
                outbox.append(handle, Topics.NOTIFICATION_DELIVERY, new DeliveryStatusChanged(UUID.randomUUID(),
                        Instant.now(), delivery.id(), delivery.orderId(), delivery.kind().name(),
                        delivery.channel().name(), status.name(), attemptsAfter, detail == null ? "" : detail));
            }
            return row;
        });
        if (updated.isEmpty()) {
            log.warn("delivery {} was taken over by another dispatcher after its claim lapsed; outcome {} not recorded",
                    delivery.id(), status);
            return;
        }
        metrics.status(delivery.kind(), delivery.channel(), status);
        if (status == DeliveryStatus.SENT) {
            metrics.deliveryLatency(delivery.kind(), delivery.channel(), Duration.between(delivery.createdAt(), Instant.now()));
            log.info("delivery {} ({} {} for order {}) sent on attempt {}", delivery.id(), delivery.kind(),
                    delivery.channel(), delivery.orderId(), delivery.attempts());
        }
    }

    private boolean round(int index) {
        int handled = dispatchBatch();
        if (index == 0) {
            refreshGauge();
        }
        return handled > 0;
    }

    private void refreshGauge() {
        Instant now = Instant.now();
        if (now.isAfter(nextGaugeRefresh)) {
            nextGaugeRefresh = now.plusSeconds(1);
            metrics.due(jdbi.withHandle(Deliveries::countDue));
        }
    }

    @Override
    public synchronized void start() {
        if (workers.isRunning() || !settings.enabled()) {
            return;
        }
        workers.start();
    }

    @Override
    public synchronized void stop() {
        workers.stop(Duration.ofSeconds(15));
    }

    @Override
    public boolean isRunning() {
        return workers.isRunning();
    }
}
