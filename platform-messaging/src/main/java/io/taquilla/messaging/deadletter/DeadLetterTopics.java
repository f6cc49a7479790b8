package io.taquilla.messaging.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads dead-letter topics from the beginning with a throw-away consumer (assigned partitions,
 * no group, nothing committed) and replays a letter by publishing it again, key, body and
 * headers as they were, to the topic it came from. Every consumer group of that topic sees it
 * again; those that applied it already skip it in their inbox, so a replay is idempotent.
 */
public class DeadLetterTopics {

    /** Header a replayed record carries: the dead letter it came from. */
    public static final String REPLAY_OF = "taquilla-replay-of";

    private static final Duration READ_DEADLINE = Duration.ofSeconds(15);

    private final Map<String, Object> consumerConfig;
    private final Producer<String, String> producer;

    public DeadLetterTopics(Map<String, Object> consumerConfig, Producer<String, String> producer) {
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumerConfig.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        this.consumerConfig.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        this.producer = producer;
    }

    /** Every letter on {@code dltTopic}, oldest first per partition, at most {@code limit}. */
    public List<DeadLetter> read(String dltTopic, int limit) {
        List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(dltTopic, Duration.ofSeconds(5));
            if (infos == null || infos.isEmpty()) {
                return letters;
            }
            List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (letters.size() < limit && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (letters.size() < limit && record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        letters.add(letter(record));
                    }
                }
            }
        }
        return letters;
    }

    /** The letter at {@code partition}/{@code offset} of {@code dltTopic}, with its body. */
    public Optional<DeadLetter> find(String dltTopic, int partition, long offset) {
        return fetch(dltTopic, partition, offset).map(DeadLetterTopics::letter);
    }

    /**
     * Publishes the letter at {@code partition}/{@code offset} again to its original topic, with
     * its key, body and headers (less Spring Kafka's {@code kafka_dlt-*}), and waits for Kafka's
     * acknowledgement. Empty if there is no such letter.
     */
    public Optional<DeadLetter> replay(String dltTopic, int partition, long offset) {
        Optional<ConsumerRecord<String, String>> found = fetch(dltTopic, partition, offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ConsumerRecord<String, String> dead = found.get();
        DeadLetter letter = letter(dead);
        ProducerRecord<String, String> record = new ProducerRecord<>(letter.originalTopic(), dead.key(), dead.value());
        for (Header header : dead.headers()) {
            if (!header.key().startsWith("kafka_dlt") && !header.key().equals(REPLAY_OF)) {
                record.headers().add(header.key(), header.value());
            }
        }
        record.headers().add(REPLAY_OF, letter.id().getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + letter.id(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replay of " + letter.id() + ": " + e.getMessage(), e);
        }
        return Optional.of(letter);
    }

    private Optional<ConsumerRecord<String, String>> fetch(String dltTopic, int partition, long offset) {
        TopicPartition where = new TopicPartition(dltTopic, partition);
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(dltTopic, Duration.ofSeconds(5));
            if (infos == null || infos.stream().noneMatch(i -> i.partition() == partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(where));
            if (offset < 0 || offset >= consumer.endOffsets(List.of(where)).get(where)
                    || offset < consumer.beginningOffsets(List.of(where)).get(where)) {
                return Optional.empty();
            }
            consumer.seek(where, offset);
            long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new StringDeserializer());
    }

    private static DeadLetter letter(ConsumerRecord<String, String> record) {
        String originalTopic = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null) {
            originalTopic = record.topic().endsWith(".dlt") ? record.topic().substring(0, record.topic().length() - 4) : record.topic();
        }
        Header partition = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offset = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        return new DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), originalTopic,
                partition == null ? null : number(partition.value()), offset == null ? null : number64(offset.value()),
                header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP), header(record, "eventType"),
                header(record, "eventId"), cause(record),
                header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE), Instant.ofEpochMilli(record.timestamp()), null,
                record.value());
    }

    /** The listener's own exception rather than Spring's wrapper around it. */
    private static String cause(ConsumerRecord<String, String> record) {
        String cause = header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return cause != null ? cause : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition as a 4-byte and the offset as an 8-byte big-endian number. */
    private static Integer number(byte[] value) {
        return value == null || value.length != 4 ? null : java.nio.ByteBuffer.wrap(value).getInt();
    }

    private static Long number64(byte[] value) {
        return value == null || value.length != 8 ? null : java.nio.ByteBuffer.wrap(value).getLong();
    }

}
