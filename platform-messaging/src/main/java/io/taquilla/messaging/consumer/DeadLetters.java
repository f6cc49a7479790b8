package io.taquilla.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.messaging.MessagingProperties;
import io.taquilla.messaging.worker.Backoff;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;

/**
 * The error handler every listener gets. A failure is classified ({@link Failures}): a record
 * that can never succeed is published unchanged to {@code <topic>.dlt} at once, with the cause in
 * headers ({@code kafka_dlt-exception-fqcn}, {@code -message}, {@code -stacktrace}, original
 * topic, partition, offset and consumer group); every other failure — the database or broker
 * down, a timeout, a bug a redeploy fixes — is retried in place with exponential back-off and
 * jitter, without limit. The consumer keeps polling meanwhile and the partition waits, so no
 * later event of the same aggregate overtakes it, and nothing a payment depends on is parked.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /** The counter of records dead-lettered from {@code topic}; registered up front per consumed topic. */
    public static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder("taquilla.messaging.dead.letters")
                .description("Records sent to a dead-letter topic because they can never be applied")
                .tag("topic", topic)
                .register(meters);
    }

    /** Failed deliveries that will be retried, by topic and by kind (infrastructure or unexpected). */
    public static Counter retries(MeterRegistry meters, String topic, Failures.Kind kind) {
        return Counter.builder("taquilla.messaging.consumer.retries")
                .description("Failed deliveries retried in place (the partition waits)")
                .tag("topic", topic)
                .tag("kind", kind.name().toLowerCase())
                .register(meters);
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MessagingProperties.Consumer settings,
                                                   MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception cause) -> {
                    deadLetters(meters, record.topic()).increment();
                    log.error("dead-lettering {}-{}@{} (key {}): it can never be applied: {}", record.topic(),
                            record.partition(), record.offset(), record.key(), rootMessage(cause));
                    return new TopicPartition(record.topic() + ".dlt", -1);
                });
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, settings.backoff().endless());
        Failures.UNDELIVERABLE.forEach(handler::addNotRetryableExceptions);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                Failures.Kind kind = Failures.classify(failure);
                if (kind == Failures.Kind.UNDELIVERABLE) {
                    return;
                }
                retries(meters, record.topic(), kind).increment();
                if (kind == Failures.Kind.INFRASTRUCTURE) {
                    log.warn("{}-{}@{} failed on attempt {} (infrastructure), retrying with back-off: {}", record.topic(),
                            record.partition(), record.offset(), deliveryAttempt, rootMessage(failure));
                } else {
                    log.error("{}-{}@{} failed on attempt {} (unexpected: a bug until shown otherwise), retrying with "
                                    + "back-off; the partition waits until it is fixed", record.topic(), record.partition(),
                            record.offset(), deliveryAttempt, failure);
                }
            }
        });
        return handler;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root
                && root instanceof org.springframework.kafka.listener.ListenerExecutionFailedException) {
            root = root.getCause();
        }
        return root.toString();
    }
}
