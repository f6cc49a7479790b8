package io.taquilla.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Named;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The mapper, schema loading and event enumeration the contract tests share. */
final class ContractSupport {

    /** The configuration documented in the contracts package-info; the messaging module must match it. */
    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** Draft 2020-12 treats {@code format} as an annotation only; turn it into an assertion. */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<Class<?>, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSupport() {
    }

    /** Every concrete event record, found through the topic bases so new records cannot be missed. */
    static Stream<Class<?>> eventTypes() {
        return Topics.EVENTS_BY_TOPIC.values().stream()
                .flatMap(base -> Arrays.stream(base.getPermittedSubclasses()));
    }

    /** {@link #eventTypes()} named by simple class name, for parameterized tests. */
    static Stream<Named<Class<?>>> events() {
        return eventTypes().map(type -> Named.of(type.getSimpleName(), type));
    }

    static String topicOf(Class<?> eventType) {
        return Topics.EVENTS_BY_TOPIC.entrySet().stream()
                .filter(e -> e.getValue().isAssignableFrom(eventType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError(eventType + " is on no topic"));
    }

    static String schemaPath(Class<?> eventType) {
        return "schemas/" + topicOf(eventType) + "/" + eventType.getSimpleName() + ".schema.json";
    }

    static JsonNode schemaJson(Class<?> eventType) {
        String path = schemaPath(eventType);
        try (InputStream in = ContractSupport.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("Missing schema " + path + " for " + eventType.getName());
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Error> validate(Class<?> eventType, JsonNode json) {
        return SCHEMAS.computeIfAbsent(eventType, type -> REGISTRY.getSchema(schemaJson(type))).validate(json);
    }

    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    }

    static JsonNode toJson(Object event) {
        return MAPPER.readTree(MAPPER.writeValueAsString(event));
    }
}
