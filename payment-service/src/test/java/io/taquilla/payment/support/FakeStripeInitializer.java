package io.taquilla.payment.support;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts {@link FakeStripe} once per JVM and makes stripe-java talk to it. */
public class FakeStripeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-stripe",
                Map.of("taquilla.payments.stripe.api-base", FakeStripe.baseUrl())));
    }
}
