package io.taquilla.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at {@link TestInfrastructure}'s database and broker, and makes it trust
 * the tokens {@link TestTokens} mints.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Object> properties = new HashMap<>(TestTokens.properties());
        properties.putAll(Map.of(
                "spring.datasource.url", infrastructure.jdbcUrl(),
                "spring.datasource.username", infrastructure.username(),
                "spring.datasource.password", infrastructure.password(),
                "spring.kafka.bootstrap-servers", infrastructure.bootstrapServers(),
                // Short back-off so a failing listener retries (and recovers) within a second.
                "taquilla.messaging.consumer.initial-interval", "50ms",
                "taquilla.messaging.consumer.max-interval", "200ms",
                "taquilla.messaging.relay.poll-interval", "200ms"));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("taquilla-test-infrastructure", properties));
    }
}
