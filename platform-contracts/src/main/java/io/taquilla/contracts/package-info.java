/**
 * The wire contract between Taquilla services: topic names, event records and their JSON Schemas
 * ({@code classpath:schemas/<topic>/<SimpleClassName>.schema.json}). No logic and no Spring, so any
 * service can depend on it without pulling in another service's code.
 *
 * <h2>Serialization</h2>
 * Records are plain JSON objects whose property names are the record component names. Jackson 3's
 * defaults already produce exactly what the schemas describe; the messaging module should still pin
 * the two settings that matter so a Boot or Jackson upgrade cannot silently change the wire format:
 * <pre>{@code
 * JsonMapper.builder()
 *     .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)           // Instant as "2026-01-15T18:30:12.345678Z"
 *     .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)  // consumers tolerate added fields
 *     .build();
 * }</pre>
 * No extra module is needed: Jackson 3 binds records through their canonical constructor and has
 * {@code java.time} built in. Nulls are written as {@code null}; the schemas accept {@code null} (or
 * absence) only for components documented as nullable.
 * <p>
 * Serialize with the runtime type ({@code mapper.writeValueAsString(event)}). A writer fixed to an
 * interface ({@code mapper.writerFor(TaquillaEvent.class)}, or a Kafka serializer built with such a
 * target type) writes {@code {}}, because the interfaces expose no properties.
 * <p>
 * Validators: draft 2020-12 treats {@code format} (uuid, date-time, email) as an annotation only;
 * enable format assertions (networknt: {@code SchemaRegistryConfig.formatAssertionsEnabled(true)})
 * or bad ids and timestamps pass.
 *
 * <h2>Event type and key</h2>
 * The {@code eventType} Kafka header carries the record's simple class name; resolve it with
 * {@link io.taquilla.contracts.Topics#EVENTS_BY_TOPIC} and {@link Class#getPermittedSubclasses()}.
 * Simple names are unique across all topics. The Kafka key is {@link
 * io.taquilla.contracts.TaquillaEvent#aggregateId()}.
 *
 * <h2>Evolution</h2>
 * Adding a field is compatible and stays on the same {@code vN} topic; renaming, removing or
 * retyping one needs a new topic version. Schemas forbid unknown properties, so they describe what
 * a producer of this version may emit: validate outgoing messages, not incoming ones.
 */
package io.taquilla.contracts;
