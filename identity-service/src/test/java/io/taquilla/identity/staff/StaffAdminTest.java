package io.taquilla.identity.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.identity.Api;
import io.taquilla.identity.Fixtures;
import io.taquilla.identity.TokenJson;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class StaffAdminTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired Jdbi jdbi;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void invitedStaffAcceptsSetsAPasswordLogsInAndGetsAContractToken() throws Exception {
        UUID organizer = fixtures.organizer("Perreo Productions");
        StaffAccount admin = fixtures.account(Role.ORGANIZER_ADMIN, organizer, null);
        String adminToken = api.consoleToken(admin.email(), Fixtures.PASSWORD);
        String email = "nuria-" + UUID.randomUUID().toString().substring(0, 6) + "@perreoproductions.com";

        Api.Reply invited = api.call("POST", "/api/admin/identity/staff", adminToken,
                Map.of("email", email, "name", "Núria Puig", "role", "organizer-staff"));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        assertThat(invited.body().get("status").asString()).isEqualTo("INVITED");
        assertThat(invited.body().get("organizerId").asString()).isEqualTo(organizer.toString());
        String staffId = invited.body().get("id").asString();

        JsonNode event = outboxEvent("StaffInvited", staffId);
        assertThat(event.get("email").asString()).isEqualTo(email);
        assertThat(event.get("organizerName").asString()).isEqualTo("Perreo Productions");
        assertThat(event.toString()).doesNotContain("password");
        String link = event.get("acceptUrl").asString();
        assertThat(link).startsWith("http://localhost:8080/api/identity/invitations/");
        String token = link.substring(link.lastIndexOf('/') + 1);
        int stored = jdbi.withHandle(h -> h.createQuery("select count(*) from one_time_token where token_hash = :t")
                .bind("t", token).mapTo(Integer.class).one());
        assertThat(stored).as("stored hashed, never raw").isZero();

        Api.Reply shown = api.call("GET", "/api/identity/invitations/" + token, null, null);
        assertThat(shown.body().get("email").asString()).isEqualTo(email);
        assertThat(shown.body().get("role").asString()).isEqualTo("organizer-staff");

        Api.Reply weak = api.call("POST", "/api/identity/invitations/" + token, null, Map.of("password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).contains("application/problem+json");
        assertThat(weak.body().get("type").asString()).endsWith("/weak-password");
        Api.Reply itsEmail = api.call("POST", "/api/identity/invitations/" + token, null, Map.of("password", email));
        assertThat(itsEmail.status()).isEqualTo(400);
        assertThat(itsEmail.body().get("detail").asString()).contains("email");

        Api.Reply accepted = api.call("POST", "/api/identity/invitations/" + token, null, Map.of("password", "la noche es joven 2026"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        Api.Reply again = api.call("POST", "/api/identity/invitations/" + token, null, Map.of("password", "la noche es joven 2027"));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.body().get("type").asString()).endsWith("/link-used");

        JsonNode tokens = api.login("console", email, "la noche es joven 2026", Map.of());
        Map<String, Object> claims = TokenJson.verifiedClaims(api.base(), tokens.get("access_token").asString());
        assertThat(claims.get("sub")).isEqualTo(staffId);
        assertThat(claims.get("roles")).isEqualTo(List.of("organizer-staff"));
        assertThat(claims.get("org")).isEqualTo(organizer.toString());
        assertThat(claims.get("email")).isEqualTo(email);
        assertThat(claims.get("iss")).isEqualTo("http://localhost:8080");
    }

    @Test
    void anExpiredInvitationCannotBeUsedAndAnUnknownOneIsNotFound() {
        UUID organizer = fixtures.organizer("Sala Apolo");
        Api.Reply invited = api.call("POST", "/api/admin/identity/staff", api.platformAdmin(), Map.of("email",
                "late-" + UUID.randomUUID().toString().substring(0, 6) + "@perreoproductions.com", "name", "Late Comer",
                "role", "door", "organizerId", organizer.toString()));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(201);
        String link = outboxEvent("StaffInvited", invited.body().get("id").asString()).get("acceptUrl").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        jdbi.useHandle(h -> h.execute("update one_time_token set expires_at = now() - interval '1 minute' where staff_id = ?",
                UUID.fromString(invited.body().get("id").asString())));

        Api.Reply expired = api.call("POST", "/api/identity/invitations/" + token, null, Map.of("password", "la noche es joven 2026"));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.body().get("type").asString()).endsWith("/link-expired");
        assertThat(api.call("GET", "/api/identity/invitations/not-a-real-token", null, null).status()).isEqualTo(404);
    }

    @Test
    void anOrganizerAdminCannotSeeInviteOrRemoveInAnotherOrganizer() {
        UUID a = fixtures.organizer("Organizer A");
        UUID b = fixtures.organizer("Organizer B");
        StaffAccount adminA = fixtures.account(Role.ORGANIZER_ADMIN, a, null);
        StaffAccount staffB = fixtures.account(Role.ORGANIZER_STAFF, b, null);
        String tokenA = api.consoleToken(adminA.email(), Fixtures.PASSWORD);

        Api.Reply listB = api.call("GET", "/api/admin/identity/staff?organizerId=" + b, tokenA, null);
        assertThat(listB.status()).isEqualTo(403);
        Api.Reply own = api.call("GET", "/api/admin/identity/staff", tokenA, null);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.raw()).contains(adminA.email()).doesNotContain(staffB.email());

        Api.Reply inviteB = api.call("POST", "/api/admin/identity/staff", tokenA, Map.of("email", "x@perreoproductions.com",
                "name", "X", "role", "door", "organizerId", b.toString()));
        assertThat(inviteB.status()).isEqualTo(403);
        Api.Reply platform = api.call("POST", "/api/admin/identity/staff", tokenA, Map.of("email", "y@perreoproductions.com",
                "name", "Y", "role", "platform-admin"));
        assertThat(platform.status()).isEqualTo(403);

        assertThat(api.call("DELETE", "/api/admin/identity/staff/" + staffB.id(), tokenA, null).status()).isEqualTo(404);
        assertThat(api.call("PUT", "/api/admin/identity/staff/" + staffB.id() + "/role", tokenA, Map.of("role", "door")).status())
                .isEqualTo(404);
        assertThat(api.call("GET", "/api/admin/identity/organizers", tokenA, null).raw())
                .contains(a.toString()).doesNotContain(b.toString());
        assertThat(api.call("POST", "/api/admin/identity/organizers", tokenA, Map.of("name", "Mine now")).status()).isEqualTo(403);
        assertThat(api.call("POST", "/api/admin/identity/keys/rotate", tokenA, null).status()).isEqualTo(403);
    }

    @Test
    void staffAndDoorTokensCannotUseTheAdminApiAndNoTokenIsUnauthorized() {
        UUID organizer = fixtures.organizer("Moog");
        StaffAccount staff = fixtures.account(Role.ORGANIZER_STAFF, organizer, null);
        Api.Reply forbidden = api.call("GET", "/api/admin/identity/staff", api.consoleToken(staff.email(), Fixtures.PASSWORD), null);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).contains("application/problem+json");
        Api.Reply anonymous = api.call("GET", "/api/admin/identity/staff", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).contains("application/problem+json");
        assertThat(api.call("GET", "/api/admin/identity/staff", "not.a.jwt", null).status()).isEqualTo(401);
    }

    @Test
    void badInvitationsAreClearProblems() {
        String admin = api.platformAdmin();
        Api.Reply badRole = api.call("POST", "/api/admin/identity/staff", admin, Map.of("email", "a@perreoproductions.com",
                "name", "A", "role", "bouncer", "organizerId", fixtures.organizer("Z").toString()));
        assertThat(badRole.status()).isEqualTo(400);
        Api.Reply badEmail = api.call("POST", "/api/admin/identity/staff", admin, Map.of("email", "not-an-email",
                "name", "A", "role", "door"));
        assertThat(badEmail.status()).isEqualTo(400);
        Api.Reply noOrganizer = api.call("POST", "/api/admin/identity/staff", admin, Map.of("email", "b@perreoproductions.com",
                "name", "B", "role", "door"));
        assertThat(noOrganizer.status()).isEqualTo(400);
        StaffAccount existing = fixtures.account(Role.DOOR, fixtures.organizer("Y"), null);
        Api.Reply twice = api.call("POST", "/api/admin/identity/staff", admin, Map.of("email", existing.email().toUpperCase(),
                "name", "Again", "role", "door", "organizerId", existing.organizerId().toString()));
        assertThat(twice.status()).isEqualTo(409);
    }

    @Test
    void removingStaffEndsTheirLoginAndRefresh() {
        UUID organizer = fixtures.organizer("Apolo");
        StaffAccount door = fixtures.account(Role.DOOR, organizer, null);
        JsonNode tokens = api.login("door-app", door.email(), Fixtures.PASSWORD, Map.of());
        assertThat(api.call("DELETE", "/api/admin/identity/staff/" + door.id(), api.platformAdmin(), null).status()).isEqualTo(204);
        assertThat(outboxEvent("StaffRemoved", door.id().toString()).get("organizerId").asString()).isEqualTo(organizer.toString());
        assertThat(outboxEvent("DeviceRevoked", door.id().toString())).isNotNull();
        io.taquilla.identity.AuthCodeLogin app = new io.taquilla.identity.AuthCodeLogin(api.base());
        assertThat(app.refresh("door-app", tokens.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    @Test
    void passwordResetRevealsNothingAndSetsANewPasswordOnce() {
        StaffAccount staff = fixtures.account(Role.ORGANIZER_STAFF, fixtures.organizer("Razz"), null);
        Api.Reply unknown = api.call("POST", "/api/identity/password-resets", null, Map.of("email", "nobody@perreoproductions.com"));
        Api.Reply known = api.call("POST", "/api/identity/password-resets", null, Map.of("email", staff.email()));
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(known.status()).isEqualTo(202);
        assertThat(known.raw()).isEqualTo(unknown.raw());

        JsonNode event = outboxEvent("PasswordResetRequested", staff.id().toString());
        assertThat(event.toString()).doesNotContain(Fixtures.PASSWORD);
        String link = event.get("resetUrl").asString();
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(api.call("POST", "/api/identity/password-resets/" + token, null, Map.of("password", "aaaaaaaaaaaaaa")).status())
                .as("too easy").isEqualTo(400);
        assertThat(api.call("POST", "/api/identity/password-resets/" + token, null, Map.of("password", "nueva clave segura 99")).status())
                .isEqualTo(200);
        assertThat(api.call("POST", "/api/identity/password-resets/" + token, null, Map.of("password", "otra clave segura 99")).status())
                .isEqualTo(410);
        assertThat(api.consoleToken(staff.email(), "nueva clave segura 99")).isNotBlank();
    }

    private JsonNode outboxEvent(String type, String staffId) {
        String payload = jdbi.withHandle(h -> h.createQuery("""
                select payload::text from outbox where type = :type and payload->>'staffId' = :staff order by created_at desc limit 1
                """).bind("type", type).bind("staff", staffId).mapTo(String.class).findOne().orElse(null));
        return payload == null ? null : TokenJson.read(payload);
    }
}
