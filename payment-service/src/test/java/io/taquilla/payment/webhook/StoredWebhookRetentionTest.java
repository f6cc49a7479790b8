package io.taquilla.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.messaging.retention.Retention;
import io.taquilla.testsupport.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class StoredWebhookRetentionTest {

    @Autowired Jdbi jdbi;
    @Autowired Retention retention;

    @Test
    void appliedWebhooksOlderThan180DaysGoPendingAndNewerOnesStay() {
        String run = UUID.randomUUID().toString();
        insert(run + "-old-applied", "181 days", true);
        insert(run + "-old-pending", "181 days", false);
        insert(run + "-new-applied", "179 days", true);

        retention.pruneNow();

        List<String> left = jdbi.withHandle(h -> h.createQuery("select id from stripe_events where id like :run order by id")
                .bind("run", run + "%").mapTo(String.class).list());
        assertThat(left).containsExactly(run + "-new-applied", run + "-old-pending");
    }

    private void insert(String id, String age, boolean applied) {
        jdbi.useHandle(h -> h.createUpdate("""
                        insert into stripe_events (id, type, livemode, payload, received_at, processed_at, outcome)
                        values (:id, 'checkout.session.completed', false, '{}', now() - cast(:age as interval),
                                case when :applied then now() - cast(:age as interval) end, 'ignored')
                        """).bind("id", id).bind("age", age).bind("applied", applied).execute());
    }
}
