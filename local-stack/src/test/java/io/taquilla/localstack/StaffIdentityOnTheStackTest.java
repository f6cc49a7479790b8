package io.taquilla.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged identity-service behind the real gateway: seeded logins work, {@code ./taquilla
 * token admin|door} get real tokens with the contract's claims, and the login flow's redirects stay
 * on the gateway's origin.
 */
class StaffIdentityOnTheStackTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void seededLoginsGetContractTokensThroughTheGateway() throws Exception {
        LocalStack stack = SharedStack.get();
        String gateway = stack.layout.gatewayUrl();

        Map<?, ?> admin = claims(stack.identityAdminToken());
        assertThat(admin.get("iss")).isEqualTo(gateway);
        assertThat(admin.get("sub")).isEqualTo(DemoData.CLI_CLIENT_ID);
        assertThat(admin.get("roles")).isEqualTo(List.of("platform-admin"));
        // RFC 7519 allows a single audience as a string; the services accept either form.
        assertThat(admin.get("aud").toString()).contains("taquilla-api");

        JsonNode door = LocalStack.doorLogin(gateway, gateway, "Journey test phone");
        Map<?, ?> doorClaims = claims(door.get("access_token").asString());
        assertThat(doorClaims.get("roles")).isEqualTo(List.of("door"));
        assertThat(doorClaims.get("org")).isEqualTo(DemoData.ORGANIZER_ID);
        assertThat(doorClaims.get("email")).isEqualTo(DemoData.DOOR.email());
        assertThat((String) doorClaims.get("device_id")).isNotBlank();
        assertThat(door.get("refresh_token").asString()).isNotBlank();

        Map<?, ?> organizerAdmin = claims(new StaffTokens(gateway).login("console", gateway + "/console/callback",
                DemoData.ORGANIZER_ADMIN.email(), DemoData.ORGANIZER_ADMIN.password(), Map.of()).get("access_token").asString());
        assertThat(organizerAdmin.get("roles")).isEqualTo(List.of("organizer-admin"));
        assertThat(organizerAdmin.get("org")).isEqualTo(DemoData.ORGANIZER_ID);

        Http.Response jwks = new Http().get(gateway + "/oauth2/jwks", Map.of());
        assertThat(jwks.ok()).isTrue();
        assertThat(jwks.body()).contains("\"kty\":\"RSA\"").doesNotContain("\"d\":");
    }

    private static Map<?, ?> claims(String jwt) {
        return JSON.readValue(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), Map.class);
    }
}
