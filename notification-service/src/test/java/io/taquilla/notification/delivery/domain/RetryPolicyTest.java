package io.taquilla.notification.delivery.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofSeconds(10));

    @Test
    void backsOffExponentiallyUpToTheCap() {
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoff(1000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void retriesUntilTheLastAttemptThenGivesUp() {
        assertThat(policy.afterFailure(1, false).retry()).isTrue();
        assertThat(policy.afterFailure(4, false).delay()).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.afterFailure(5, false).retry()).isFalse();
        assertThat(policy.afterFailure(6, false).retry()).isFalse();
    }

    @Test
    void aPermanentFailureIsNotRetried() {
        assertThat(policy.afterFailure(1, true).retry()).isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
