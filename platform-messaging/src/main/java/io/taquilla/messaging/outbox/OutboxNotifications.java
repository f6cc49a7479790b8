package io.taquilla.messaging.outbox;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds one connection that LISTENs on {@code outbox_<schema>} and releases the relay's semaphore
 * whenever a transaction that inserted outbox rows commits. Publish latency is then a few
 * milliseconds instead of a poll interval. (A blocking loop of its own rather than a
 * {@code Worker}: it holds its connection for as long as it lives.)
 */
class OutboxNotifications {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);

    private final DataSource dataSource;
    private final Runnable wakeUp;
    private volatile boolean running;
    private Thread thread;

    OutboxNotifications(DataSource dataSource, Runnable wakeUp) {
        this.dataSource = dataSource;
        this.wakeUp = wakeUp;
    }

    void start(String name) {
        running = true;
        thread = new Thread(this::listen, "outbox-listen-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                String channel = "outbox_" + connection.getSchema();
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen \"" + channel.replace("\"", "") + "\"");
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null && received.length > 0) {
                        wakeUp.run();
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warn("outbox LISTEN connection lost, the relay polls until it is back: {}", e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
