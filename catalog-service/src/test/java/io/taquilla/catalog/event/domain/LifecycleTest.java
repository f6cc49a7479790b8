package io.taquilla.catalog.event.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    static final Instant BEFORE_SHOW = EventRulesTest.STARTS.minusSeconds(86_400);

    @Test
    void aDraftWithTicketTypesAndAShowAheadCanBePublished() {
        assertThat(Lifecycle.whyNotPublishable(EventStatus.DRAFT, EventRulesTest.valid(), BEFORE_SHOW)).isEmpty();
    }

    @Test
    void refusesToPublishWhatCannotBeSold() {
        assertThat(Lifecycle.whyNotPublishable(EventStatus.DRAFT, EventRulesTest.withTypes(EventRulesTest.valid()), BEFORE_SHOW))
                .hasValueSatisfying(refusal -> assertThat(refusal.kind()).isEqualTo(Lifecycle.Kind.NOTHING_TO_SELL));
        assertThat(Lifecycle.whyNotPublishable(EventStatus.DRAFT, EventRulesTest.valid(), EventRulesTest.STARTS))
                .hasValueSatisfying(refusal -> assertThat(refusal.reason()).contains("started"));
        assertThat(Lifecycle.whyNotPublishable(EventStatus.CANCELLED, EventRulesTest.valid(), BEFORE_SHOW))
                .hasValueSatisfying(refusal -> assertThat(refusal.kind()).isEqualTo(Lifecycle.Kind.CANCELLED));
    }

    @Test
    void cancelledIsFinal() {
        assertThat(Lifecycle.whyNotEditable(EventStatus.DRAFT)).isEmpty();
        assertThat(Lifecycle.whyNotEditable(EventStatus.PUBLISHED)).isEmpty();
        assertThat(Lifecycle.whyNotEditable(EventStatus.CANCELLED)).isPresent();
    }
}
