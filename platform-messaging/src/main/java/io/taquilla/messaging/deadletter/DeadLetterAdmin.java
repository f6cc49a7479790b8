package io.taquilla.messaging.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * The dead letters of this service: the {@code .dlt} topics of what it consumes, by default only
 * the letters its own consumer group wrote, with when this service replayed each one (kept in
 * its {@code dead_letter_replay} table, since a Kafka topic cannot be edited).
 */
public class DeadLetterAdmin {

    public record ReplayReport(int replayed, List<String> ids) {}

    private final DeadLetterTopics topics;
    private final Jdbi jdbi;
    private final List<String> dltTopics;
    private final String group;

    public DeadLetterAdmin(DeadLetterTopics topics, Jdbi jdbi, List<String> consumedTopics, String group) {
        this.topics = topics;
        this.jdbi = jdbi;
        this.dltTopics = consumedTopics.stream().map(t -> t + ".dlt").distinct().toList();
        this.group = group;
    }

    public List<String> dltTopics() {
        return dltTopics;
    }

    /** Letters without bodies; {@code everyGroup} also lists those other services' consumers wrote. */
    public List<DeadLetter> list(boolean everyGroup, int limit) {
        Map<String, Instant> replays = replays();
        List<DeadLetter> letters = new ArrayList<>();
        for (String topic : dltTopics) {
            for (DeadLetter letter : topics.read(topic, limit)) {
                if (everyGroup || mine(letter)) {
                    letters.add(letter.withoutValue().replayed(replays.get(letter.id())));
                }
            }
        }
        return letters.size() > limit ? letters.subList(0, limit) : letters;
    }

    /** Empty for a topic this service does not consume or a letter that is not there. */
    public Optional<DeadLetter> show(String topic, int partition, long offset) {
        if (!dltTopics.contains(topic)) {
            return Optional.empty();
        }
        return topics.find(topic, partition, offset).map(letter -> letter.replayed(replays().get(letter.id())));
    }

    public Optional<DeadLetter> replay(String topic, int partition, long offset) {
        if (!dltTopics.contains(topic)) {
            return Optional.empty();
        }
        return topics.replay(topic, partition, offset).map(letter -> letter.replayed(recordReplay(letter)));
    }

    /** Replays every letter of this service's group not replayed yet, oldest first per partition. */
    public ReplayReport replayPending() {
        List<String> ids = new ArrayList<>();
        for (DeadLetter letter : list(false, Integer.MAX_VALUE)) {
            if (letter.replayedAt() == null) {
                replay(letter.topic(), letter.partition(), letter.offset()).ifPresent(done -> ids.add(done.id()));
            }
        }
        return new ReplayReport(ids.size(), ids);
    }

    private boolean mine(DeadLetter letter) {
        return group == null || group.isBlank() || letter.group() == null || group.equals(letter.group());
    }

    private Instant recordReplay(DeadLetter letter) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        insert into dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, event_id)
                        values (:topic, :partition, :offset, :eventId)
                        on conflict (dlt_topic, dlt_partition, dlt_offset)
                        do update set replayed_at = clock_timestamp(), replays = dead_letter_replay.replays + 1
                        returning replayed_at
                        """)
                .bind("topic", letter.topic()).bind("partition", letter.partition()).bind("offset", letter.offset())
                .bind("eventId", letter.eventId())
                .mapTo(Instant.class).one());
    }

    private Map<String, Instant> replays() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select dlt_topic, dlt_partition, dlt_offset, replayed_at from dead_letter_replay")
                .map((rs, ctx) -> Map.entry(rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getLong(3),
                        rs.getTimestamp(4).toInstant()))
                .list()).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
    }
}
