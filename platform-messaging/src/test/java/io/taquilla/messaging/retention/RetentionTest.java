package io.taquilla.messaging.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taquilla.messaging.MessagingFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionTest {

    @Test
    void inboxRowsOlderThanTheWindowGoAndNewerOnesStay() throws Exception {
        try (MessagingFixture fixture = new MessagingFixture("retention_inbox")) {
            insertInbox(fixture, 6_000, "15 days");   // more than one batch
            insertInbox(fixture, 3, "13 days");
            insertInbox(fixture, 2, "1 minute");
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            Retention retention = new Retention(fixture.jdbi,
                    List.of(new RetentionRule("inbox", "inbox", "received_at", Duration.ofDays(14), null)), Duration.ofHours(1), meters);

            assertThat(retention.pruneNow()).isEqualTo(6_000);

            assertThat(count(fixture, "select count(*) from inbox")).isEqualTo(5);
            assertThat(count(fixture, "select count(*) from inbox where received_at < now() - interval '14 days'")).isZero();
            assertThat(meters.get("taquilla.retention.pruned").tag("rule", "inbox").counter().count()).isEqualTo(6_000);
            assertThat(retention.pruneNow()).isZero();
        }
    }

    @Test
    void aConditionKeepsOldRowsThatAreStillNeeded() throws Exception {
        try (MessagingFixture fixture = new MessagingFixture("retention_condition")) {
            fixture.jdbi.useHandle(h -> h.execute("""
                    create table stored_webhook (id text primary key, received_at timestamptz not null, processed_at timestamptz);
                    insert into stored_webhook values ('old-done', now() - interval '200 days', now() - interval '200 days');
                    insert into stored_webhook values ('old-pending', now() - interval '200 days', null);
                    insert into stored_webhook values ('new-done', now() - interval '10 days', now() - interval '10 days');
                    """));
            Retention retention = new Retention(fixture.jdbi, List.of(new RetentionRule("webhooks", "stored_webhook",
                    "received_at", Duration.ofDays(180), "processed_at is not null")), Duration.ofHours(1), new SimpleMeterRegistry());

            assertThat(retention.pruneNow()).isEqualTo(1);
            List<String> left = fixture.jdbi.withHandle(h -> h.createQuery("select id from stored_webhook order by id")
                    .mapTo(String.class).list());
            assertThat(left).containsExactly("new-done", "old-pending");
        }
    }

    @Test
    void rulesRefuseWhatCouldNotBeSqlOrAWindowOfNothing() {
        assertThatThrownBy(() -> new RetentionRule("x", "inbox; drop table inbox", "received_at", Duration.ofDays(1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetentionRule("x", "inbox", "received_at", Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static void insertInbox(MessagingFixture fixture, int rows, String age) {
        fixture.jdbi.useHandle(h -> h.createUpdate("""
                        insert into inbox (consumer, event_id, topic, event_type, received_at)
                        select 'c', gen_random_uuid(), 't', 'E', now() - cast(:age as interval) from generate_series(1, :rows)
                        """).bind("age", age).bind("rows", rows).execute());
    }

    private static long count(MessagingFixture fixture, String sql) {
        return fixture.jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
