package io.taquilla.identity.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.identity.AuthCodeLogin;
import io.taquilla.identity.Fixtures;
import io.taquilla.identity.TokenJson;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.testsupport.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
class TokenIssuingTest {

    static final String REDIRECT = "http://127.0.0.1/callback";

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired Jdbi jdbi;
    String base;

    @BeforeEach
    void base() {
        base = "http://localhost:" + port;
    }

    @Test
    void clientCredentialsTokenCarriesTheConfiguredRolesAndTheContractClaims() throws Exception {
        HttpResponse<String> response = clientCredentials("taquilla-cli", "test-cli-secret", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = TokenJson.read(response.body());
        assertThat(body.get("expires_in").asLong()).isBetween(1L, 900L);
        Map<String, Object> claims = TokenJson.verifiedClaims(base, body.get("access_token").asString());
        assertThat(claims.get("iss")).isEqualTo("http://localhost:8080");
        assertThat(claims.get("sub")).isEqualTo("taquilla-cli");
        assertThat(audience(claims)).containsExactly("taquilla-api");
        assertThat(claims.get("roles")).isEqualTo(List.of("platform-admin"));
        assertThat(claims).doesNotContainKey("org").containsKeys("exp", "iat");
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isLessThanOrEqualTo(900);
    }

    @Test
    void wrongClientSecretGetsNoToken() throws Exception {
        assertThat(clientCredentials("taquilla-cli", "guess", Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsNotIssued() throws Exception {
        HttpResponse<String> response = clientCredentials("taquilla-cli", "test-cli-secret", Map.of("audience", "billing-api"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_target");
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void doorLoginWithPkceRegistersTheDeviceAndRefreshesUntilRevoked() throws Exception {
        UUID organizer = fixtures.organizer("Perreo Productions");
        UUID event = UUID.randomUUID();
        StaffAccount door = fixtures.account(Role.DOOR, organizer, List.of(event));

        AuthCodeLogin browser = new AuthCodeLogin(base);
        String page = browser.start(Clients.DOOR_APP, REDIRECT, Map.of("device_name", "North gate iPhone"));
        assertThat(page).contains("<label for=\"email\">Email address</label>", "<label for=\"password\">Password</label>");
        AuthCodeLogin.FormResult loggedIn = browser.submit(door.email(), Fixtures.PASSWORD);
        assertThat(loggedIn.location()).doesNotContain("error");
        HttpResponse<String> tokens = browser.exchange(Clients.DOOR_APP, REDIRECT, browser.code(loggedIn));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = TokenJson.read(tokens.body());
        assertThat(body.has("refresh_token")).isTrue();

        Map<String, Object> claims = TokenJson.verifiedClaims(base, body.get("access_token").asString());
        assertThat(claims.get("sub")).isEqualTo(door.id().toString());
        assertThat(audience(claims)).containsExactly("taquilla-api");
        assertThat(claims.get("roles")).isEqualTo(List.of("door"));
        assertThat(claims.get("org")).isEqualTo(organizer.toString());
        assertThat(claims.get("events")).isEqualTo(List.of(event.toString()));
        assertThat(claims.get("email")).isEqualTo(door.email());
        assertThat(claims.get("name")).isEqualTo(door.name());
        UUID deviceId = UUID.fromString((String) claims.get("device_id"));
        String deviceName = jdbi.withHandle(h -> h.createQuery("select name from device where id = :id").bind("id", deviceId)
                .mapTo(String.class).one());
        assertThat(deviceName).isEqualTo("North gate iPhone");

        HttpResponse<String> refreshed = browser.refresh(Clients.DOOR_APP, body.get("refresh_token").asString());
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode again = TokenJson.read(refreshed.body());
        assertThat(TokenJson.verifiedClaims(base, again.get("access_token").asString()).get("device_id"))
                .isEqualTo(deviceId.toString());

        // The old refresh token was rotated away.
        assertThat(browser.refresh(Clients.DOOR_APP, body.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    @Test
    void consoleLoginGivesAnOrganizerAdminTokenWithoutDevice() throws Exception {
        UUID organizer = fixtures.organizer("Sala Apolo");
        StaffAccount admin = fixtures.account(Role.ORGANIZER_ADMIN, organizer, null);
        AuthCodeLogin browser = new AuthCodeLogin(base);
        browser.start(Clients.CONSOLE, REDIRECT, Map.of());
        HttpResponse<String> tokens = browser.exchange(Clients.CONSOLE, REDIRECT,
                browser.code(browser.submit(admin.email(), Fixtures.PASSWORD)));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        JsonNode body = TokenJson.read(tokens.body());
        assertThat(body.has("refresh_token")).as("console gets no refresh token").isFalse();
        Map<String, Object> claims = TokenJson.verifiedClaims(base, body.get("access_token").asString());
        assertThat(claims.get("roles")).isEqualTo(List.of("organizer-admin"));
        assertThat(claims.get("org")).isEqualTo(organizer.toString());
        assertThat(claims).doesNotContainKeys("device_id", "events");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        StaffAccount admin = fixtures.account(Role.ORGANIZER_STAFF, fixtures.organizer("Razzmatazz"), null);
        AuthCodeLogin browser = new AuthCodeLogin(base);
        browser.start(Clients.CONSOLE, REDIRECT, Map.of());
        AuthCodeLogin.FormResult wrong = browser.submit(admin.email(), "not the password at all");
        String wrongPage = browser.open(wrong.location());
        AuthCodeLogin.FormResult unknown = browser.submit("nobody-" + UUID.randomUUID() + "@perreoproductions.com", "whatever it is");
        String unknownPage = browser.open(unknown.location());

        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(unknown.location()).isEqualTo(wrong.location());
        assertThat(wrongPage).contains("The email address or password is not right");
        assertThat(strip(unknownPage)).isEqualTo(strip(wrongPage));
    }

    @Test
    void locksAnAddressAfterRepeatedFailuresKnownOrNot() {
        StaffAccount staff = fixtures.account(Role.ORGANIZER_STAFF, fixtures.organizer("Moog"), null);
        String unknown = "ghost-" + UUID.randomUUID() + "@perreoproductions.com";
        for (String email : List.of(staff.email(), unknown)) {
            AuthCodeLogin browser = new AuthCodeLogin(base);
            browser.start(Clients.CONSOLE, REDIRECT, Map.of());
            AuthCodeLogin.FormResult last = null;
            for (int attempt = 1; attempt <= 3; attempt++) {
                last = browser.submit(email, "wrong password " + attempt);
                browser.open(last.location());
            }
            assertThat(last.location()).as(email).endsWith("/login?locked");
            // Now even the right password is refused until the lock expires.
            AuthCodeLogin.FormResult right = browser.submit(email, Fixtures.PASSWORD);
            assertThat(right.location()).endsWith("/login?locked");
            assertThat(browser.open(right.location())).contains("This account is locked");
        }
    }

    private HttpResponse<String> clientCredentials(String id, String secret, Map<String, String> extra) throws Exception {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        extra.forEach((k, v) -> form.append('&').append(k).append('=').append(v));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(aud));
    }

    /** The page without its per-request CSRF token. */
    private static String strip(String page) {
        return page.replaceAll("value=\"[^\"]+\"", "");
    }
}
