package io.taquilla.identity.device;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.identity.Api;
import io.taquilla.identity.AuthCodeLogin;
import io.taquilla.identity.Fixtures;
import io.taquilla.identity.TokenJson;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.testsupport.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DeviceRevocationTest {

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired Jdbi jdbi;

    @Test
    void anAdminRevokesALostPhoneAndItCanNoLongerRefresh() throws Exception {
        Api api = new Api(port);
        UUID organizer = fixtures.organizer("Perreo Productions");
        UUID other = fixtures.organizer("Another organizer");
        StaffAccount door = fixtures.account(Role.DOOR, organizer, null);
        StaffAccount admin = fixtures.account(Role.ORGANIZER_ADMIN, organizer, null);
        StaffAccount otherAdmin = fixtures.account(Role.ORGANIZER_ADMIN, other, null);

        JsonNode tokens = api.login("door-app", door.email(), Fixtures.PASSWORD, Map.of("device_name", "Gate 2 Android"));
        String deviceId = (String) TokenJson.verifiedClaims(api.base(), tokens.get("access_token").asString()).get("device_id");

        String adminToken = api.consoleToken(admin.email(), Fixtures.PASSWORD);
        Api.Reply listed = api.call("GET", "/api/admin/identity/devices", adminToken, null);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.raw()).contains(deviceId, "Gate 2 Android", door.email()).doesNotContain("authorization");

        String otherToken = api.consoleToken(otherAdmin.email(), Fixtures.PASSWORD);
        assertThat(api.call("GET", "/api/admin/identity/devices", otherToken, null).raw()).doesNotContain(deviceId);
        assertThat(api.call("POST", "/api/admin/identity/devices/" + deviceId + "/revoke", otherToken, null).status()).isEqualTo(404);

        Api.Reply revoked = api.call("POST", "/api/admin/identity/devices/" + deviceId + "/revoke", adminToken, null);
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);
        assertThat(revoked.body().get("revokedAt").isNull()).isFalse();
        assertThat(api.call("POST", "/api/admin/identity/devices/" + deviceId + "/revoke", adminToken, null).status())
                .as("revoking twice is harmless").isEqualTo(200);
        int events = jdbi.withHandle(h -> h.createQuery("select count(*) from outbox where type = 'DeviceRevoked' and payload->>'deviceId' = :d")
                .bind("d", deviceId).mapTo(Integer.class).one());
        assertThat(events).isEqualTo(1);

        HttpResponse<String> refresh = new AuthCodeLogin(api.base()).refresh("door-app", tokens.get("refresh_token").asString());
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(refresh.body()).contains("invalid_grant").doesNotContain("access_token");
    }
}
