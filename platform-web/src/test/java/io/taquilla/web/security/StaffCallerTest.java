package io.taquilla.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taquilla.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.Jwt;

class StaffCallerTest {

    private static final JwtSettings SETTINGS = JwtSettings.from(new MockEnvironment()
            .withProperty("taquilla.security.jwt.issuer", "https://id.example"));
    private final UUID org = UUID.randomUUID();
    private final UUID otherOrg = UUID.randomUUID();

    private static StaffCaller caller(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return StaffCaller.from(jwt.build(), SETTINGS);
    }

    @Test
    void platformAdminSeesAndManagesEveryOrganizer() {
        StaffCaller admin = caller(Map.of("roles", List.of("platform-admin")));
        assertThat(admin.canSee(org)).isTrue();
        assertThat(admin.canManage(otherOrg)).isTrue();
        assertThat(admin.canSee(null)).isTrue();
        assertThat(admin.organizerScope()).isEmpty();
    }

    @Test
    void organizerRolesStayInsideTheirOrganizer() {
        StaffCaller admin = caller(Map.of("roles", List.of("organizer-admin"), "org", org.toString()));
        StaffCaller staff = caller(Map.of("roles", List.of("organizer-staff"), "org", org.toString()));
        assertThat(admin.canManage(org)).isTrue();
        assertThat(admin.canSee(otherOrg)).isFalse();
        assertThat(admin.canSee(null)).isFalse();
        assertThat(admin.organizerScope()).contains(org);
        assertThat(staff.canSee(org)).isTrue();
        assertThat(staff.canAssist(org)).isTrue();
        assertThat(staff.canManage(org)).isFalse();
        assertThat(staff.canAssist(otherOrg)).isFalse();

        ApiProblem hidden = refusal(() -> staff.requireManage(otherOrg, "Event", "x"));
        assertThat(hidden.status()).isEqualTo(HttpStatus.NOT_FOUND);
        ApiProblem forbidden = refusal(() -> staff.requireManage(org, "Event", "x"));
        assertThat(forbidden.status()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void doorTokensAdmitOnlyAtTheirOrganizersListedEvents() {
        UUID listed = UUID.randomUUID();
        StaffCaller scoped = caller(Map.of("roles", List.of("door"), "org", org.toString(),
                "events", List.of(listed.toString()), "device_id", "dev-1"));
        StaffCaller everyEvent = caller(Map.of("roles", List.of("door"), "org", org.toString(), "device_id", "dev-2"));
        assertThat(scoped.deviceId()).isEqualTo("dev-1");
        assertThat(scoped.canWorkDoor(org, listed)).isTrue();
        assertThat(scoped.canWorkDoor(org, UUID.randomUUID())).isFalse();
        assertThat(scoped.canWorkDoor(otherOrg, listed)).isFalse();
        assertThat(everyEvent.canWorkDoor(org, UUID.randomUUID())).isTrue();
        assertThat(everyEvent.canWorkDoor(otherOrg, UUID.randomUUID())).isFalse();
        assertThat(everyEvent.canAssist(org)).isFalse();
    }

    @Test
    void claimNamesAreConfigurableForOtherProviders() {
        JwtSettings keycloak = JwtSettings.from(new MockEnvironment()
                .withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://kc.example/realms/taquilla")
                .withProperty("taquilla.security.jwt.roles-claim", "realm_access.roles")
                .withProperty("taquilla.security.jwt.organizer-claim", "https://taquilla.io/org"));
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("kc-user")
                .claim("realm_access", Map.of("roles", List.of("organizer-admin", "offline_access")))
                .claim("https://taquilla.io/org", org.toString()).build();
        StaffCaller caller = StaffCaller.from(jwt, keycloak);
        assertThat(caller.canManage(org)).isTrue();
        assertThat(keycloak.issuer()).isEqualTo("https://kc.example/realms/taquilla");
        assertThat(keycloak.audience()).isEqualTo("taquilla-api");
    }

    @Test
    void settingsRefuseSharedSecretsAndAMissingIssuer() {
        assertThatThrownBy(() -> TokenVerification.decoder(JwtSettings.from(new MockEnvironment())))
                .hasMessageContaining("TAQUILLA_ISSUER");
        assertThatThrownBy(() -> JwtSettings.from(new MockEnvironment()
                .withProperty("taquilla.security.jwt.issuer", "https://id.example")
                .withProperty("taquilla.security.jwt.algorithms", "RS256,HS256")))
                .hasMessageContaining("HS256");
    }

    private static ApiProblem refusal(Runnable check) {
        try {
            check.run();
        } catch (ApiProblem problem) {
            return problem;
        }
        throw new AssertionError("expected a refusal");
    }
}
