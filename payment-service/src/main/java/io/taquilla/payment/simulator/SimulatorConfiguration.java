package io.taquilla.payment.simulator;

import io.taquilla.payment.config.PaymentProperties;
import io.taquilla.payment.provider.StripeConfigured;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The simulator replaces Stripe only when no {@code STRIPE_SECRET_KEY} is set. */
@Configuration
@Conditional(StripeConfigured.Not.class)
public class SimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulatorConfiguration.class);

    @Bean
    public SimulatedStripe simulatedStripe(Jdbi jdbi, PaymentProperties properties, Environment environment) {
        log.warn("STRIPE_SECRET_KEY is not set: payments use the built-in simulator (no money moves)");
        return new SimulatedStripe(jdbi, new SimulatedWebhookSender(properties.stripe().webhookSecret(),
                () -> webhookUrl(environment)), properties.checkout());
    }

    /** This instance's own webhook endpoint (the port is known only once the server started). */
    static String webhookUrl(Environment environment) {
        String configured = environment.getProperty("taquilla.payments.simulator.webhook-url");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8083") + "/api/payments/webhooks/stripe";
    }
}
