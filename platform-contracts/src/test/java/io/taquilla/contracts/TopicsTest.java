package io.taquilla.contracts;

import io.taquilla.contracts.catalog.CatalogEvent;
import io.taquilla.contracts.identity.StaffEvent;
import io.taquilla.contracts.notification.DeliveryEvent;
import io.taquilla.contracts.ordering.InventoryEvent;
import io.taquilla.contracts.ordering.OrderEvent;
import io.taquilla.contracts.payments.PaymentEvent;
import io.taquilla.contracts.scanning.ScanEvent;
import io.taquilla.contracts.ticketing.SigningKeyEvent;
import io.taquilla.contracts.ticketing.TicketEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TopicsTest {

    /** What each topic is keyed by, spelled out independently of the default methods under test. */
    private static final Map<Class<? extends TaquillaEvent>, Function<TaquillaEvent, Object>> KEYS = Map.of(
            CatalogEvent.class, e -> ((CatalogEvent) e).event().catalogEventId(),
            OrderEvent.class, e -> ((OrderEvent) e).orderId(),
            InventoryEvent.class, e -> ((InventoryEvent) e).catalogEventId(),
            PaymentEvent.class, e -> ((PaymentEvent) e).orderId(),
            TicketEvent.class, e -> ((TicketEvent) e).orderId(),
            SigningKeyEvent.class, e -> ((SigningKeyEvent) e).keyId(),
            ScanEvent.class, e -> ((ScanEvent) e).catalogEventId(),
            DeliveryEvent.class, e -> ((DeliveryEvent) e).orderId(),
            StaffEvent.class, e -> ((StaffEvent) e).staffId());

    @Test
    void topicNames() {
        assertThat(Topics.CATALOG_EVENT).isEqualTo("catalog.event.v1");
        assertThat(Topics.ORDERING_ORDER).isEqualTo("ordering.order.v1");
        assertThat(Topics.ORDERING_INVENTORY).isEqualTo("ordering.inventory.v1");
        assertThat(Topics.PAYMENTS_PAYMENT).isEqualTo("payments.payment.v1");
        assertThat(Topics.TICKETING_TICKET).isEqualTo("ticketing.ticket.v1");
        assertThat(Topics.TICKETING_SIGNING_KEY).isEqualTo("ticketing.signing-key.v1");
        assertThat(Topics.SCANNING_SCAN).isEqualTo("scanning.scan.v1");
        assertThat(Topics.NOTIFICATION_DELIVERY).isEqualTo("notification.delivery.v1");
        assertThat(Topics.IDENTITY_STAFF).isEqualTo("identity.staff.v1");
    }

    @Test
    void deadLetterTopic() {
        assertThat(Topics.deadLetter(Topics.ORDERING_ORDER)).isEqualTo("ordering.order.v1.dlt");
    }

    @Test
    void everyTopicConstantMapsToItsEvents() {
        var constants = Arrays.stream(Topics.class.getFields())
                .filter(f -> f.getType() == String.class && Modifier.isStatic(f.getModifiers()))
                .map(TopicsTest::value)
                .collect(Collectors.toSet());

        assertThat(Topics.EVENTS_BY_TOPIC.keySet()).isEqualTo(constants);
        assertThat(Topics.EVENTS_BY_TOPIC.values()).containsExactlyInAnyOrderElementsOf(KEYS.keySet());
        assertThat(constants).allMatch(t -> t.matches("[a-z]+\\.[a-z-]+\\.v[1-9][0-9]*"));
    }

    @Test
    void everyTopicBaseIsSealedOverRecords() {
        Topics.EVENTS_BY_TOPIC.values().forEach(base -> {
            assertThat(base.isSealed()).as(base.getName()).isTrue();
            assertThat(base.getPermittedSubclasses()).as(base.getName()).isNotEmpty().allMatch(Class::isRecord);
        });
    }

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void eventsStartWithEventIdAndOccurredAt(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        assertThat(components[0].getName()).isEqualTo("eventId");
        assertThat(components[0].getType()).isEqualTo(UUID.class);
        assertThat(components[1].getName()).isEqualTo("occurredAt");
        assertThat(components[1].getType()).isEqualTo(Instant.class);
    }

    /** The {@code eventType} header is a simple name, so it must identify one class on any topic. */
    @Test
    void eventTypeNamesAreUniqueAcrossTopics() {
        var names = ContractSupport.eventTypes().map(Class::getSimpleName).collect(Collectors.toList());
        assertThat(names).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void eventTypeHeaderResolvesToTheClass(Class<?> type) {
        var base = Topics.EVENTS_BY_TOPIC.get(ContractSupport.topicOf(type));
        var resolved = Arrays.stream(base.getPermittedSubclasses())
                .filter(c -> c.getSimpleName().equals(type.getSimpleName()))
                .findFirst();
        assertThat(resolved).contains(type);
    }

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void aggregateIdIsTheTopicKey(Class<?> type) {
        var base = Topics.EVENTS_BY_TOPIC.get(ContractSupport.topicOf(type));
        for (TaquillaEvent sample : Samples.of(type)) {
            assertThat(sample.aggregateId()).isNotBlank().isEqualTo(KEYS.get(base).apply(sample).toString());
        }
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
