package io.taquilla.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.messaging.MessagingProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler every listener gets: retry in place with exponential back-off, then publish
 * the record unchanged to {@code <topic>.dlt}. Spring Kafka adds the cause as headers
 * ({@code kafka_dlt-exception-fqcn}, {@code -message}, {@code -stacktrace}, original topic,
 * partition and offset). Bodies that cannot be decoded are not retried.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /** The counter of records dead-lettered from {@code topic}; registered up front per consumed topic. */
    public static Counter deadLetters(MeterRegistry meters, String topic) {
        return Counter.builder("taquilla.messaging.dead.letters")
                .description("Records sent to a dead-letter topic after their retries ran out")
                .tag("topic", topic)
                .register(meters);
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<?, ?> template, MessagingProperties.Consumer settings,
                                                   MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (ConsumerRecord<?, ?> record, Exception cause) -> {
                    deadLetters(meters, record.topic()).increment();
                    log.error("dead-lettering {}-{}@{} (key {}): {}", record.topic(), record.partition(),
                            record.offset(), record.key(), cause.toString());
                    return new TopicPartition(record.topic() + ".dlt", -1);
                });
        ExponentialBackOff backOff = new ExponentialBackOff(settings.initialInterval().toMillis(), settings.multiplier());
        backOff.setMaxInterval(settings.maxInterval().toMillis());
        backOff.setMaxAttempts(Math.max(0, settings.maxAttempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(tools.jackson.core.JacksonException.class, IllegalArgumentException.class);
        return handler;
    }
}
