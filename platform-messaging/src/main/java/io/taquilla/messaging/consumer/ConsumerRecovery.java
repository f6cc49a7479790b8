package io.taquilla.messaging.consumer;

import io.taquilla.messaging.MessagingProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How fast a consumer group gets a dead or restarted member's partitions back. Measured in
 * docs/benchmarks/recovery.md: with Kafka's defaults a member killed with SIGKILL keeps its
 * partitions for the 45 s session timeout, so a restarted service is UP long before it consumes.
 * The classic protocol with a 10 s session timeout (heartbeats every 3 s) frees them within 10 s
 * of the kill; a graceful shutdown leaves the group at once (dynamic members send LeaveGroup on
 * close). The KIP-848 {@code consumer} protocol does not help here: its session timeout is the
 * broker's {@code group.consumer.session.timeout.ms}, 45 s unless every broker is reconfigured.
 *
 * <p>With a stable {@code instance-id} per instance (a StatefulSet's pod name) the member is
 * static: a restart within the session timeout takes its partitions back at once, without a
 * rebalance. Leave it unset when instances are replaced rather than restarted (a Deployment):
 * two live instances with one id fence each other.
 */
public final class ConsumerRecovery {

    private ConsumerRecovery() {
    }

    public static Map<String, Object> settings(MessagingProperties.Consumer settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) settings.heartbeatInterval().toMillis());
        return config;
    }

    /**
     * The static member id of one listener container: the instance id plus the listener's id, as
     * every container of a service joins the group as a member of its own. Spring Kafka appends
     * {@code -n} per consumer when a container runs several. Null when no instance id is set.
     */
    public static String instanceId(MessagingProperties.Consumer settings, String listenerId) {
        if (settings.instanceId() == null || settings.instanceId().isBlank()) {
            return null;
        }
        return settings.instanceId() + "-" + listenerId;
    }
}
