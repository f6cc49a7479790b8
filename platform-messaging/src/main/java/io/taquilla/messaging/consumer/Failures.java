package io.taquilla.messaging.consumer;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * What a listener's failure says about its record.
 *
 * <ul>
 *   <li>{@link Kind#UNDELIVERABLE}: the record itself is broken ({@link UndeliverableRecordException},
 *       a JSON body that does not read, or an {@link IllegalArgumentException} by which a consumer
 *       rejects the content). It can never succeed: it is dead-lettered at once.</li>
 *   <li>{@link Kind#INFRASTRUCTURE}: the database, the broker or the network failed (connection
 *       errors, timeouts, SQL states of class 08 connection, 40 rollback, 53 resources, 57
 *       operator intervention such as a shutdown or failover, 58 system error).</li>
 *   <li>{@link Kind#UNEXPECTED}: anything else, i.e. a bug on our side (including our own
 *       serialisation of what the effect writes). A redeploy fixes it.</li>
 * </ul>
 *
 * Infrastructure and unexpected failures are both retried without limit: the partition waits
 * rather than letting a later event of the same order overtake one that was dropped. They are
 * told apart in logs (WARN vs ERROR) and in the {@code taquilla.messaging.consumer.retries}
 * counter, so a bug shows as such while the lag alert fires.
 */
public final class Failures {

    public enum Kind { UNDELIVERABLE, INFRASTRUCTURE, UNEXPECTED }

    /** The exception types that mark a record as undeliverable (also matched as causes). */
    public static final List<Class<? extends Exception>> UNDELIVERABLE = List.of(
            UndeliverableRecordException.class, tools.jackson.core.JacksonException.class, IllegalArgumentException.class);

    private static final List<String> TRANSIENT_SQL_STATE_CLASSES = List.of("08", "40", "53", "57", "58");

    private Failures() {
    }

    public static Kind classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Exception> type : UNDELIVERABLE) {
                if (type.isInstance(cause)) {
                    return Kind.UNDELIVERABLE;
                }
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isInfrastructure(cause)) {
                return Kind.INFRASTRUCTURE;
            }
        }
        return Kind.UNEXPECTED;
    }

    private static boolean isInfrastructure(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof RetriableException || cause instanceof org.apache.kafka.common.errors.TimeoutException
                || cause instanceof TimeoutException || cause instanceof SocketException
                || cause instanceof SocketTimeoutException || cause instanceof UnknownHostException
                || cause instanceof java.io.EOFException
                || cause instanceof org.springframework.dao.TransientDataAccessException
                || cause instanceof org.springframework.dao.RecoverableDataAccessException
                || cause instanceof org.springframework.jdbc.CannotGetJdbcConnectionException
                || cause instanceof org.jdbi.v3.core.ConnectionException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
            return TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2));
        }
        return false;
    }
}
