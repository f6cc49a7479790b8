package io.taquilla.contracts;

import io.taquilla.contracts.ordering.OrderPlaced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.AccessorNamingStrategy;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.DefaultAccessorNamingStrategy;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.UUID;

import static io.taquilla.contracts.ContractSupport.MAPPER;
import static io.taquilla.contracts.ContractSupport.toJson;
import static org.assertj.core.api.Assertions.assertThat;

class JsonRoundTripTest {

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void jsonReadsBackToAnEqualRecord(Class<?> type) {
        for (TaquillaEvent sample : Samples.of(type)) {
            String json = MAPPER.writeValueAsString(sample);
            assertThat(MAPPER.readValue(json, type)).as(json).isEqualTo(sample);
        }
    }

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void aggregateIdIsNotSerialized(Class<?> type) {
        for (TaquillaEvent sample : Samples.of(type)) {
            assertThat(toJson(sample).has("aggregateId")).as(type.getSimpleName()).isFalse();
        }
    }

    /**
     * The default mapper never sees {@code aggregateId()} (it is not a getter name), so prove the
     * {@code @JsonIgnore} works with a mapper that treats every no-arg method as a property.
     */
    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void aggregateIdIsIgnoredEvenByAMapperThatSeesEveryMethod(Class<?> type) {
        var eager = JsonMapper.builder().accessorNaming(new EveryMethodIsAGetter()).build();
        assertThat(eager.valueToTree(new Unannotated(UUID.randomUUID())).has("aggregateId"))
                .as("control: without @JsonIgnore the eager mapper writes aggregateId").isTrue();

        for (TaquillaEvent sample : Samples.of(type)) {
            assertThat(eager.valueToTree(sample).has("aggregateId")).as(type.getSimpleName()).isFalse();
        }
    }

    @Test
    void instantsAreIsoStringsWithFullPrecision() {
        var json = toJson(Samples.of(OrderPlaced.class).get(0));

        assertThat(json.get("occurredAt").isString()).isTrue();
        assertThat(json.get("occurredAt").stringValue()).isEqualTo("2026-01-15T18:30:12.345678Z");
        assertThat(json.get("holdExpiresAt").stringValue()).isEqualTo("2026-01-15T18:40:12.345678Z");
        assertThat(json.get("total").get("amountMinor").isIntegralNumber()).isTrue();
    }

    /** The explicit settings only pin Jackson 3 defaults; if this fails, a Jackson upgrade changed the wire format. */
    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void defaultMapperWritesTheSameJson(Class<?> type) {
        var defaults = JsonMapper.builder().build();
        for (TaquillaEvent sample : Samples.of(type)) {
            assertThat(defaults.readTree(defaults.writeValueAsString(sample))).isEqualTo(toJson(sample));
        }
    }

    /** Added fields do not bump the topic version, so older consumers must read newer messages. */
    @Test
    void consumersTolerateAddedFields() {
        var sample = Samples.of(OrderPlaced.class).get(0);
        var json = (ObjectNode) toJson(sample);
        json.put("loyaltyTier", "GOLD");

        assertThat(MAPPER.treeToValue(json, OrderPlaced.class)).isEqualTo(sample);
    }

    private interface Keyed {
        default String aggregateId() {
            return "key";
        }
    }

    private record Unannotated(UUID eventId) implements Keyed {
    }

    private static final class EveryMethodIsAGetter extends AccessorNamingStrategy.Provider {
        private final DefaultAccessorNamingStrategy.Provider noPrefix =
                new DefaultAccessorNamingStrategy.Provider().withGetterPrefix("");

        @Override
        public AccessorNamingStrategy forPOJO(MapperConfig<?> config, AnnotatedClass valueClass) {
            return noPrefix.forPOJO(config, valueClass);
        }

        @Override
        public AccessorNamingStrategy forBuilder(MapperConfig<?> config, AnnotatedClass builderClass, BeanDescription valueTypeDesc) {
            return noPrefix.forBuilder(config, builderClass, valueTypeDesc);
        }

        @Override
        public AccessorNamingStrategy forRecord(MapperConfig<?> config, AnnotatedClass recordClass) {
            return noPrefix.forPOJO(config, recordClass);
        }
    }
}
