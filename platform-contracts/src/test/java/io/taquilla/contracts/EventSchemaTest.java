package io.taquilla.contracts;

import com.networknt.schema.Error;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.identity.StaffInvited;
import io.taquilla.contracts.identity.StaffRemoved;
import io.taquilla.contracts.identity.StaffRoleChanged;
import io.taquilla.contracts.ordering.OrderConfirmed;
import io.taquilla.contracts.ordering.OrderExpired;
import io.taquilla.contracts.ordering.OrderPlaced;
import io.taquilla.contracts.ordering.OrderRefunded;
import io.taquilla.contracts.ordering.OrderRejected;
import io.taquilla.contracts.ordering.RefundRequested;
import io.taquilla.contracts.payments.PaymentRefunded;
import io.taquilla.contracts.scanning.TicketScanned;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.SigningKeyPublished;
import io.taquilla.contracts.ticketing.TicketsIssued;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.taquilla.contracts.ContractSupport.MAPPER;
import static io.taquilla.contracts.ContractSupport.schemaJson;
import static io.taquilla.contracts.ContractSupport.toJson;
import static io.taquilla.contracts.ContractSupport.validate;
import static org.assertj.core.api.Assertions.assertThat;

/** Checks every event record against its JSON Schema, in both directions, and that the schemas bite. */
class EventSchemaTest {

    /** Components documented as nullable; the only ones a schema may leave out of {@code required}. */
    private static final Map<Class<?>, Set<String>> NULLABLE = Map.ofEntries(
            Map.entry(Customer.class, Set.of("phone")),
            Map.entry(io.taquilla.contracts.catalog.EventSnapshot.class, Set.of("organizerId")),
            // Fields added to a v1 event are nullable: messages from earlier producers lack them.
            Map.entry(OrderPlaced.class, Set.of("locale")),
            Map.entry(OrderConfirmed.class, Set.of("paymentIntentId", "venueAddress", "venueCity", "venueTimezone", "locale")),
            Map.entry(OrderExpired.class, Set.of("eventName", "locale")),
            Map.entry(OrderRefunded.class, Set.of("eventName", "locale", "reason")),
            Map.entry(OrderRejected.class, Set.of("eventName", "locale")),
            Map.entry(TicketsIssued.class, Set.of("venueAddress", "venueCity", "venueTimezone", "locale")),
            Map.entry(IssuedTicket.class, Set.of("holderEmail")),
            Map.entry(RefundRequested.class, Set.of("ticketIds", "full")),
            Map.entry(PaymentRefunded.class, Set.of("amountRefundedMinor", "fullyRefunded")),
            Map.entry(StaffInvited.class, Set.of("organizerId", "organizerName")),
            Map.entry(StaffRoleChanged.class, Set.of("organizerId")),
            Map.entry(StaffRemoved.class, Set.of("organizerId")),
            Map.entry(SigningKeyPublished.class, Set.of("publicKey", "retiredAt")),
            Map.entry(TicketScanned.class, Set.of("ticketId", "reason")));

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void samplesMatchTheirSchema(Class<?> type) {
        for (TaquillaEvent sample : Samples.of(type)) {
            JsonNode json = toJson(sample);
            assertThat(validate(type, json)).as(json.toString()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void schemaIdentifiesItself(Class<?> type) {
        JsonNode schema = schemaJson(type);
        String topic = ContractSupport.topicOf(type);

        assertThat(schema.get("$schema").stringValue()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").stringValue())
                .isEqualTo("https://schemas.taquilla.io/" + topic + "/" + type.getSimpleName() + ".schema.json");
        assertThat(schema.get("title").stringValue()).isEqualTo(type.getSimpleName());
        assertThat(ContractSupport.metaSchema().validate(schema)).isEmpty();
    }

    /** Schema and record must not drift: same properties in the same order, same types, same nullability. */
    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void schemaDescribesExactlyTheRecordComponents(Class<?> type) {
        JsonNode schema = schemaJson(type);
        assertObjectMatches(type, schema, schema, type.getSimpleName());
    }

    @Test
    void nullableListNamesRealComponents() {
        NULLABLE.forEach((type, names) -> assertThat(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName))
                .as(type.getSimpleName()).containsAll(names));
    }

    @Test
    void everySchemaFileBelongsToAnEvent() throws IOException, URISyntaxException {
        Path root = Path.of(getClass().getClassLoader().getResource("schemas").toURI());
        Set<String> expected = ContractSupport.eventTypes().map(ContractSupport::schemaPath).collect(Collectors.toSet());
        try (Stream<Path> files = Files.walk(root)) {
            Set<String> actual = files.filter(Files::isRegularFile)
                    .map(p -> "schemas/" + root.relativize(p).toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
            assertThat(actual).isEqualTo(expected);
        }
    }

    /**
     * Breaks each sample in every way a producer bug could (missing, null or mistyped fields, unknown
     * properties, bad ids, times, currencies, emails, negative numbers) at every depth.
     */
    @ParameterizedTest
    @MethodSource("io.taquilla.contracts.ContractSupport#events")
    void schemaRejectsBrokenMessages(Class<?> type) {
        for (TaquillaEvent sample : Samples.of(type)) {
            JsonNode valid = toJson(sample);
            List<Mutation> mutations = new ArrayList<>();
            collectMutations(sample, List.of(), mutations);
            assertThat(mutations).hasSizeGreaterThan(2 * type.getRecordComponents().length);
            for (Mutation mutation : mutations) {
                JsonNode broken = valid.deepCopy();
                mutation.change().accept(broken);
                List<Error> errors = validate(type, broken);
                if (mutation.mustFail()) {
                    assertThat(errors).as("%s should be rejected: %s", mutation.description(), broken).isNotEmpty();
                } else {
                    assertThat(errors).as("%s should be accepted: %s", mutation.description(), broken).isEmpty();
                }
            }
        }
    }

    @Test
    void missingRequiredFieldIsRejected() {
        ObjectNode json = orderPlaced();
        json.remove("orderId");
        assertThat(keywords(json)).containsExactly("required");
    }

    @Test
    void lowerCaseCurrencyIsRejected() {
        ObjectNode json = orderPlaced();
        ((ObjectNode) json.get("total")).put("currency", "usd");
        assertThat(keywords(json)).containsExactly("pattern");
    }

    @Test
    void negativeAmountIsRejected() {
        ObjectNode json = orderPlaced();
        ((ObjectNode) json.get("lines").get(0).get("unitPrice")).put("amountMinor", -2500);
        assertThat(keywords(json)).containsExactly("minimum");
    }

    @Test
    void unknownPropertyIsRejected() {
        ObjectNode json = orderPlaced();
        json.put("discountCode", "EARLYBIRD");
        assertThat(keywords(json)).containsExactly("additionalProperties");
    }

    @Test
    void badUuidIsRejected() {
        ObjectNode json = orderPlaced();
        json.put("catalogEventId", "5f0c6a1e-8d2b-4c3e-9a47");
        assertThat(keywords(json)).containsExactly("format");
    }

    @Test
    void undocumentedEnumValueIsRejected() {
        ObjectNode json = (ObjectNode) toJson(Samples.of(TicketScanned.class).get(0));
        json.put("verdict", "MAYBE");
        assertThat(validate(TicketScanned.class, json)).extracting(Error::getKeyword).containsExactly("enum");
    }

    private static ObjectNode orderPlaced() {
        return (ObjectNode) toJson(Samples.of(OrderPlaced.class).get(0));
    }

    private static List<String> keywords(JsonNode orderPlaced) {
        return validate(OrderPlaced.class, orderPlaced).stream().map(Error::getKeyword).collect(Collectors.toList());
    }

    // --- schema vs record -------------------------------------------------------------------------

    private static void assertObjectMatches(Class<?> record, JsonNode schema, JsonNode root, String where) {
        List<String> names = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toList());
        Set<String> nullable = NULLABLE.getOrDefault(record, Set.of());

        assertThat(types(schema)).as(where + " type").containsExactly("object");
        assertThat(schema.get("additionalProperties")).as(where + " additionalProperties").isNotNull();
        assertThat(schema.get("additionalProperties").isBoolean() && !schema.get("additionalProperties").booleanValue())
                .as(where + " additionalProperties must be false").isTrue();
        assertThat(schema.get("properties").propertyNames()).as(where + " properties").containsExactlyElementsOf(names);
        assertThat(strings(schema.get("required"))).as(where + " required")
                .containsExactlyElementsOf(names.stream().filter(n -> !nullable.contains(n)).collect(Collectors.toList()));

        for (RecordComponent component : record.getRecordComponents()) {
            String at = where + "." + component.getName();
            JsonNode property = schema.get("properties").get(component.getName());
            assertThat(types(property).contains("null")).as(at + " accepts null").isEqualTo(nullable.contains(component.getName()));
            assertTypeMatches(component.getGenericType(), property, root, at);
        }
    }

    private static void assertTypeMatches(Type javaType, JsonNode property, JsonNode root, String at) {
        if (property.has("$ref")) {
            property = root.at(property.get("$ref").stringValue().substring(1));
            assertThat(property.isMissingNode()).as(at + " $ref resolves").isFalse();
        }
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw.isRecord()) {
            assertObjectMatches(raw, property, root, at + "<" + raw.getSimpleName() + ">");
        } else if (raw == List.class) {
            assertThat(types(property)).as(at).contains("array").isSubsetOf("array", "null");
            assertTypeMatches(((ParameterizedType) javaType).getActualTypeArguments()[0], property.get("items"), root, at + "[]");
        } else {
            String format = property.has("format") ? property.get("format").stringValue() : null;
            if (raw == UUID.class) {
                assertThat(format).as(at + " format").isEqualTo("uuid");
            } else if (raw == Instant.class) {
                assertThat(format).as(at + " format").isEqualTo("date-time");
            }
            assertThat(types(property)).as(at + " type").contains(jsonType(raw));
        }
    }

    private static String jsonType(Class<?> raw) {
        if (raw == String.class || raw == UUID.class || raw == Instant.class) {
            return "string";
        }
        if (raw == int.class || raw == long.class || raw == Integer.class || raw == Long.class) {
            return "integer";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "boolean";
        }
        throw new AssertionError("No JSON type known for " + raw + "; extend the contract test");
    }

    private static List<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return List.of();
        }
        return type.isArray() ? strings(type) : List.of(type.stringValue());
    }

    private static List<String> strings(JsonNode array) {
        return array == null ? List.of() : array.values().stream().map(JsonNode::stringValue).collect(Collectors.toList());
    }

    // --- mutations --------------------------------------------------------------------------------

    private record Mutation(String description, Consumer<JsonNode> change, boolean mustFail) {
    }

    private static void collectMutations(Object value, List<Object> path, List<Mutation> out) {
        if (value instanceof Record record) {
            out.add(new Mutation(path + " + unknown property", json -> ((ObjectNode) at(json, path)).put("unexpected", true), true));
            Set<String> nullable = NULLABLE.getOrDefault(record.getClass(), Set.of());
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                String name = component.getName();
                List<Object> child = append(path, name);
                boolean required = !nullable.contains(name);
                out.add(new Mutation(child + " removed", json -> ((ObjectNode) at(json, path)).remove(name), required));
                out.add(new Mutation(child + " null", json -> ((ObjectNode) at(json, path)).putNull(name), required));
                if (name.equals("currency")) {
                    out.add(replace(child, "usd"));
                } else if (name.equals("email")) {
                    out.add(replace(child, "ana.garcia@"));
                }
                collectMutations(read(component, record), child, out);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectMutations(list.get(i), append(path, i), out);
            }
        } else if (value instanceof UUID) {
            out.add(replace(path, "not-a-uuid"));
        } else if (value instanceof Instant) {
            out.add(replace(path, "15/01/2026 18:30"));
            out.add(replace(path, "2026-01-15T18:30:00"));
        } else if (value instanceof Integer || value instanceof Long) {
            out.add(replace(path, -1));
        }
    }

    private static Mutation replace(List<Object> path, Object newValue) {
        List<Object> parentPath = path.subList(0, path.size() - 1);
        Object last = path.get(path.size() - 1);
        JsonNode node = MAPPER.valueToTree(newValue);
        return new Mutation(path + " = " + newValue, json -> {
            JsonNode parent = at(json, parentPath);
            if (last instanceof Integer index) {
                ((ArrayNode) parent).set(index, node);
            } else {
                ((ObjectNode) parent).set((String) last, node);
            }
        }, true);
    }

    private static JsonNode at(JsonNode json, List<Object> path) {
        JsonNode node = json;
        for (Object segment : path) {
            node = segment instanceof Integer index ? node.get(index) : node.get((String) segment);
        }
        return node;
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> longer = new ArrayList<>(path);
        longer.add(segment);
        return List.copyOf(longer);
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
