package io.taquilla.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.taquilla.messaging.consumer.ConsumerRecovery;
import io.taquilla.messaging.consumer.DeadLetters;
import io.taquilla.messaging.consumer.IncomingEvents;
import io.taquilla.messaging.deadletter.DeadLetterAdmin;
import io.taquilla.messaging.deadletter.DeadLetterController;
import io.taquilla.messaging.deadletter.DeadLetterTopics;
import io.taquilla.messaging.inbox.Inbox;
import io.taquilla.messaging.outbox.Outbox;
import io.taquilla.messaging.outbox.OutboxRelay;
import io.taquilla.messaging.outbox.ParkedRows;
import io.taquilla.messaging.outbox.ParkedRowsController;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * What every service gets from the messaging module: a JDBI instance, the outbox and its relay,
 * the inbox, listener containers that commit offsets only after the listener (and so its
 * database transaction) returned, read only committed records, retry and dead-letter, and the
 * topics they use. Outbox and inbox tables are added to the service's own Flyway migration.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public Jdbi jdbi(DataSource dataSource) {
        return Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    /**
     * The outbox, inbox and dead-letter tables live in each service's schema, migrated with its
     * own scripts. This module's migrations are numbered {@code V0_n}, below every service's own,
     * so a database a service already migrated gets a new one out of order.
     */
    @Bean
    public FlywayConfigurationCustomizer messagingMigrations() {
        return configuration -> {
            List<org.flywaydb.core.api.Location> locations = new ArrayList<>(List.of(configuration.getLocations()));
            locations.add(new org.flywaydb.core.api.Location("classpath:db/messaging"));
            configuration.locations(locations.toArray(org.flywaydb.core.api.Location[]::new));
            configuration.outOfOrder(true);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    public Outbox outbox(KafkaProperties kafka) {
        Object configured = kafka.buildProducerProperties().get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int maxRequest = configured == null ? 1_048_576 : Integer.parseInt(configured.toString());
        return new Outbox(EventJson.MAPPER, maxRequest - Outbox.HEADROOM_BYTES);
    }

    @Bean
    @ConditionalOnMissingBean
    public Inbox inbox(Jdbi jdbi, MeterRegistry meters) {
        return new Inbox(jdbi, meters);
    }

    @Bean
    @ConditionalOnMissingBean
    public IncomingEvents incomingEvents(Inbox inbox) {
        return new IncomingEvents(EventJson.MAPPER, inbox);
    }

    /**
     * Idempotent producer with acks=all, used by the relay and for dead letters. Wrapped so it
     * does not replace Spring Boot's own producer factory and template.
     */
    public record ReliableProducers(ProducerFactory<String, String> factory) {}

    @Bean
    public ReliableProducers reliableProducers(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        // The relay waits for the producer's own verdict (see OutboxRelay.ACK_WAIT): a relay that
        // gave up earlier while the producer kept retrying would publish the batch twice.
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        return new ReliableProducers(new DefaultKafkaProducerFactory<>(config));
    }

    @Bean
    @ConditionalOnProperty(prefix = "taquilla.messaging.relay", name = "enabled", matchIfMissing = true)
    public OutboxRelay outboxRelay(@Value("${spring.application.name:service}") String name, Jdbi jdbi,
                                   DataSource dataSource, ReliableProducers producers,
                                   MessagingProperties properties, MeterRegistry meters) {
        return new OutboxRelay(name, jdbi, dataSource, producers.factory().createProducer(),
                properties.relay(), EventJson.MAPPER, meters, ids -> { });
    }

    @Bean
    public CommonErrorHandler kafkaErrorHandler(ReliableProducers producers, MessagingProperties properties,
                                                MeterRegistry meters) {
        properties.topics().consumes().forEach(topic -> DeadLetters.deadLetters(meters, topic));
        return DeadLetters.errorHandler(new KafkaTemplate<>(producers.factory()), properties.consumer(), meters);
    }

    @Bean
    @ConditionalOnMissingBean
    public DeadLetterAdmin deadLetterAdmin(KafkaProperties kafka, ReliableProducers producers, Jdbi jdbi,
                                           MessagingProperties properties,
                                           @Value("${spring.kafka.consumer.group-id:}") String group) {
        return new DeadLetterAdmin(new DeadLetterTopics(kafka.buildConsumerProperties(), producers.factory().createProducer()),
                jdbi, properties.topics().consumes(), group);
    }

    @Bean
    @ConditionalOnMissingBean
    public ParkedRows parkedRows(Jdbi jdbi) {
        return new ParkedRows(jdbi);
    }

    /** {@code /api/admin/dead-letters} and {@code /api/admin/outbox/parked}, in services (web applications) only. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class DeadLetterApi {

        @Bean
        DeadLetterController deadLetterController(DeadLetterAdmin admin) {
            return new DeadLetterController(admin);
        }

        @Bean
        ParkedRowsController parkedRowsController(ParkedRows parked) {
            return new ParkedRowsController(parked);
        }
    }

    /**
     * Read only committed records, start from the beginning when a group is new, never
     * auto-commit, and get a crashed member's partitions back within the session timeout.
     */
    @Bean
    public DefaultKafkaConsumerFactoryCustomizer readCommittedConsumers(MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(ConsumerRecovery.settings(properties.consumer()));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return factory -> factory.updateConfigs(config);
    }

    /**
     * Commit each record's offset after its listener returned, i.e. after the database commit;
     * with {@code taquilla.messaging.consumer.instance-id} set, join as a static member.
     */
    @Bean
    public ContainerCustomizer<String, String, ConcurrentMessageListenerContainer<String, String>> commitAfterEachRecord(
            MessagingProperties properties) {
        return container -> {
            container.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
            String instanceId = ConsumerRecovery.instanceId(properties.consumer(), container.getListenerId());
            if (instanceId != null) {
                container.getContainerProperties().getKafkaConsumerProperties()
                        .setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId);
            }
        };
    }

    @Bean
    public KafkaAdmin.NewTopics taquillaTopics(MessagingProperties properties) {
        MessagingProperties.Topics topics = properties.topics();
        List<NewTopic> declared = new ArrayList<>();
        topics.publishes().forEach(name -> declared.add(topic(name, topics)));
        topics.consumes().forEach(name -> {
            declared.add(topic(name, topics));
            declared.add(topic(name + ".dlt", topics));
        });
        return new KafkaAdmin.NewTopics(declared.stream().distinct().toArray(NewTopic[]::new));
    }

    private static NewTopic topic(String name, MessagingProperties.Topics topics) {
        return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
    }
}
