package io.taquilla.messaging.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void runsAgainAtOnceWhileThereIsWorkAndWaitsForAWakeUpWhenIdle() {
        AtomicInteger backlog = new AtomicInteger(5);
        AtomicInteger rounds = new AtomicInteger();
        Worker worker = new Worker("test-idle", 1, Duration.ofHours(1), Backoff.doubling(Duration.ofMillis(10), Duration.ofSeconds(1)),
                meters, index -> {
                    rounds.incrementAndGet();
                    return backlog.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                });
        worker.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.get() == 0 && rounds.get() == 6);

        // Idle for an hour unless woken.
        backlog.set(2);
        worker.wakeUp();
        await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() == 9);
        worker.stop(Duration.ofSeconds(5));
        assertThat(worker.isRunning()).isFalse();
        assertThat(meters.get("taquilla.worker.rounds").tag("worker", "test-idle").counter().count()).isEqualTo(7);
    }

    @Test
    void aFailingRoundBacksOffExponentiallyAndAGoodRoundResetsIt() {
        List<Long> starts = new CopyOnWriteArrayList<>();
        AtomicInteger failuresLeft = new AtomicInteger(4);
        Worker worker = new Worker("test-failing", 1, Duration.ofHours(1), Backoff.doubling(Duration.ofMillis(100), Duration.ofSeconds(5)),
                meters, index -> {
                    starts.add(System.nanoTime());
                    if (failuresLeft.getAndDecrement() > 0) {
                        throw new IllegalStateException("database down");
                    }
                    return false;
                });
        worker.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> starts.size() == 5);
        worker.stop(Duration.ofSeconds(5));

        // 100, 200, 400, 800 ms less 20 % jitter at most: each wait at least that long.
        long[] atLeastMillis = {80, 160, 320, 640};
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThanOrEqualTo(Duration.ofMillis(atLeastMillis[i - 1]).toNanos());
        }
        assertThat(meters.get("taquilla.worker.failures").tag("worker", "test-failing").counter().count()).isEqualTo(4);
    }

    @Test
    void stopEndsABackOffAtOnceAndEveryThreadRuns() {
        Set<Integer> indexes = ConcurrentHashMap.newKeySet();
        Worker worker = new Worker("test-stop", 3, Duration.ofHours(1), Backoff.doubling(Duration.ofHours(1), Duration.ofHours(1)),
                meters, index -> {
                    indexes.add(index);
                    throw new IllegalStateException("always");
                });
        worker.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> indexes.size() == 3);
        long before = System.nanoTime();
        worker.stop(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(30));
        assertThat(indexes).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void backoffIsCappedSpreadByJitterAndRefusesNonsense() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delay(1).toMillis()).isBetween(80L, 120L);
            assertThat(backoff.delay(30).toMillis()).isBetween(800L, 1000L);
        }
        assertThat(backoff.withoutJitter().delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.withoutJitter().delay(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.endless().start().nextBackOff()).isBetween(80L, 120L);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 2.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 2.0, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
