package io.taquilla.payment.provider;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code STRIPE_SECRET_KEY} is set: use the real Stripe API, not the simulator. */
public class StripeConfigured implements Condition {

    public static final String SECRET_KEY = "taquilla.payments.stripe.secret-key";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(SECRET_KEY));
    }

    /** The opposite: no key, so the built-in simulator plays Stripe. */
    public static class Not implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new StripeConfigured().matches(context, metadata);
        }
    }
}
