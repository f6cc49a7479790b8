package io.taquilla.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads the notification schema directly, for assertions. */
public record DeliveryRows(Jdbi jdbi) {

    public List<Map<String, Object>> forOrder(UUID orderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select id, kind, channel, recipient, status, attempts, resends, last_error, provider_id
                          from delivery where order_id = :orderId order by kind, channel""")
                .bind("orderId", orderId).mapToMap().list());
    }

    public Map<String, Object> single(UUID orderId, String kind, String channel) {
        return forOrder(orderId).stream()
                .filter(r -> kind.equals(r.get("kind")) && channel.equals(r.get("channel")))
                .findFirst().orElse(Map.of());
    }

    public String status(UUID orderId, String kind, String channel) {
        return (String) single(orderId, kind, channel).get("status");
    }

    /** The DeliveryStatusChanged events written to the outbox for an order, as status names in order. */
    public List<String> publishedStatuses(UUID orderId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select payload ->> 'channel' || ':' || (payload ->> 'status') from outbox
                         where aggregateid = :orderId and type = 'DeliveryStatusChanged' order by seq""")
                .bind("orderId", orderId.toString()).mapTo(String.class).list());
    }

    public boolean inboxHas(UUID eventId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from inbox where event_id = :id")
                .bind("id", eventId).mapTo(Integer.class).one()) > 0;
    }
}
