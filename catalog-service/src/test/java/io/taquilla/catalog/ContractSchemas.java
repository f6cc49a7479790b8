package io.taquilla.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.taquilla.messaging.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Checks what this service put on the wire against the JSON Schemas shipped in platform-contracts. */
public final class ContractSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private ContractSchemas() {
    }

    public static List<String> violations(String topic, String eventType, String payload) {
        String path = "schemas/" + topic + "/" + eventType + ".schema.json";
        try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no schema " + path);
            }
            Schema schema = REGISTRY.getSchema(EventJson.MAPPER.readTree(in));
            return schema.validate(EventJson.MAPPER.readTree(payload)).stream().map(Error::toString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
