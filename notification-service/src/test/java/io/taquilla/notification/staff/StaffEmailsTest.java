package io.taquilla.notification.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.taquilla.contracts.Topics;
import io.taquilla.contracts.identity.DeviceRegistered;
import io.taquilla.contracts.identity.PasswordResetRequested;
import io.taquilla.contracts.identity.StaffInvited;
import io.taquilla.notification.MimeParts;
import io.taquilla.notification.TestEvents;
import io.taquilla.notification.TestMailServer;
import io.taquilla.testsupport.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** identity.staff.v1 → one invitation or reset email per event, with the link, never twice. */
@IntegrationTest
class StaffEmailsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Jdbi jdbi;

    @Test
    void anInvitationIsEmailedOnceWithItsLinkEvenWhenTheEventComesTwice() throws Exception {
        String email = TestEvents.email();
        UUID staffId = UUID.randomUUID();
        StaffInvited invited = new StaffInvited(UUID.randomUUID(), Instant.now(), staffId, UUID.randomUUID(),
                "Perreo Productions", email, "Lucía", "door", "Marta Vidal",
                "http://localhost:8080/api/identity/invitations/tok3n-abc", Instant.now().plus(Duration.ofDays(3)));
        TestEvents.publish(Topics.IDENTITY_STAFF, invited);
        TestEvents.publish(Topics.IDENTITY_STAFF, invited);
        // Something that sends no email, after the others on the same partition (same staff id).
        DeviceRegistered marker = new DeviceRegistered(UUID.randomUUID(), Instant.now(), staffId, UUID.randomUUID(),
                UUID.randomUUID(), "Gate 1");
        TestEvents.publish(Topics.IDENTITY_STAFF, marker);

        await().atMost(WAIT).until(() -> inboxHas(marker.eventId()) && !TestMailServer.messagesTo(email).isEmpty());
        MimeMessage message = TestMailServer.messagesTo(email).get(0);
        assertThat(message.getSubject()).isEqualTo("You are invited to Perreo Productions on Taquilla");
        MimeParts parts = MimeParts.of(message);
        assertThat(parts.plainText()).contains("Marta Vidal invited you", "http://localhost:8080/api/identity/invitations/tok3n-abc");
        assertThat(parts.html()).contains("href=\"http://localhost:8080/api/identity/invitations/tok3n-abc\"");
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
        String status = jdbi.withHandle(h -> h.createQuery("select status from staff_email where event_id = :id")
                .bind("id", invited.eventId()).mapTo(String.class).one());
        assertThat(status).isEqualTo("SENT");
    }

    @Test
    void aPasswordResetIsEmailedWithItsLink() throws Exception {
        String email = TestEvents.email();
        TestEvents.publish(Topics.IDENTITY_STAFF, new PasswordResetRequested(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                email, "Oriol", "http://localhost:8080/api/identity/password-resets/r3set", Instant.now().plus(Duration.ofHours(1))));

        await().atMost(WAIT).until(() -> !TestMailServer.messagesTo(email).isEmpty());
        MimeMessage message = TestMailServer.messagesTo(email).get(0);
        assertThat(message.getSubject()).isEqualTo("Reset your Taquilla password");
        assertThat(MimeParts.of(message).plainText()).contains("http://localhost:8080/api/identity/password-resets/r3set");
    }

    private boolean inboxHas(UUID eventId) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from inbox where event_id = :id").bind("id", eventId)
                .mapTo(Integer.class).one()) > 0;
    }
}
