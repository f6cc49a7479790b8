package io.taquilla.messaging.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background loop of the services: {@code threads} daemon threads each run
 * {@link Task#runOnce} again and again; when a round found nothing to do the thread waits up to
 * {@code idleWait} or until {@link #wakeUp()}; when a round throws it backs off
 * ({@link Backoff}, with jitter, reset by the next good round) and is woken only by
 * {@link #stop()}. {@code stop()} lets each thread finish its round and joins it.
 *
 * <p>Meters, tagged {@code worker=<name>}: {@code taquilla.worker.rounds} (rounds that did work)
 * and {@code taquilla.worker.failures} (rounds that threw).
 */
public final class Worker {

    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    /** One round of work on thread {@code index} (0-based). Returns true if it did something. */
    @FunctionalInterface
    public interface Task {
        boolean runOnce(int index) throws Exception;
    }

    private final String name;
    private final int threads;
    private final Duration idleWait;
    private final Backoff failureBackoff;
    private final Task task;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Counter rounds;
    private final Counter failures;
    private final List<Thread> running = new ArrayList<>();
    private volatile CountDownLatch stopped = new CountDownLatch(0);

    public Worker(String name, int threads, Duration idleWait, Backoff failureBackoff, MeterRegistry meters, Task task) {
        if (threads < 1) {
            throw new IllegalArgumentException("a worker needs at least one thread, " + name + " has " + threads);
        }
        this.name = name;
        this.threads = threads;
        this.idleWait = idleWait;
        this.failureBackoff = failureBackoff;
        this.task = task;
        this.rounds = Counter.builder("taquilla.worker.rounds").description("Worker rounds that did work")
                .tag("worker", name).register(meters);
        this.failures = Counter.builder("taquilla.worker.failures").description("Worker rounds that failed and backed off")
                .tag("worker", name).register(meters);
    }

    /** Lets one idle thread look now rather than after {@code idleWait}. */
    public void wakeUp() {
        wakeUp.release();
    }

    /** Lets every idle thread look now. */
    public void wakeUpAll() {
        wakeUp.release(threads);
    }

    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopped = new CountDownLatch(1);
        for (int i = 0; i < threads; i++) {
            int index = i;
            Thread thread = new Thread(() -> loop(index), threads == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            thread.start();
            running.add(thread);
        }
    }

    /** Stops every thread after its current round, waiting up to {@code join} for each. */
    public synchronized void stop(Duration join) {
        stopped.countDown();
        wakeUp.release(running.size());
        for (Thread thread : running) {
            try {
                thread.join(join.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    private void loop(int index) {
        int failed = 0;
        while (isRunning()) {
            try {
                boolean worked = task.runOnce(index);
                failed = 0;
                if (worked) {
                    rounds.increment();
                } else if (isRunning()) {
                    wakeUp.tryAcquire(idleWait.toMillis(), TimeUnit.MILLISECONDS);
                    // Many wake-ups while busy (e.g. one per committed row) need one round per thread, not one each.
                    int surplus = wakeUp.availablePermits() - threads;
                    if (surplus > 0) {
                        wakeUp.tryAcquire(surplus);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!isRunning()) {
                    return;
                }
                failures.increment();
                Duration delay = failureBackoff.delay(++failed);
                log.warn("{}: {}; retrying in {} ms", name, e.toString(), delay.toMillis());
                try {
                    if (stopped.await(delay.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
