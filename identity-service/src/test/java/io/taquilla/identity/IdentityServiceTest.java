package io.taquilla.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.testsupport.ServiceArchitecture;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class IdentityServiceTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void startsHealthyWithProbesAndMetrics() {
        RestClient http = RestClient.create("http://localhost:" + port);
        assertThat(http.get().uri("/actuator/health/liveness").retrieve().body(String.class)).contains("UP");
        assertThat(http.get().uri("/actuator/health/readiness").retrieve().body(String.class)).contains("UP");
        assertThat(http.get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("taquilla_outbox_backlog", "application=\"identity-service\"");
    }

    @Test
    void publishesOidcMetadataWithTheConfiguredIssuerAndAPublicJwks() {
        RestClient http = RestClient.create("http://localhost:" + port);
        JsonNode metadata = TokenJson.read(http.get().uri("/.well-known/openid-configuration").retrieve().body(String.class));
        assertThat(metadata.get("issuer").asString()).isEqualTo("http://localhost:8080");
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo("http://localhost:8080/oauth2/jwks");
        JsonNode jwks = TokenJson.read(http.get().uri("/oauth2/jwks").retrieve().body(String.class));
        assertThat(jwks.get("keys")).isNotEmpty();
        assertThat(jwks.get("keys").get(0).get("kty").asString()).isEqualTo("RSA");
        assertThat(jwks.get("keys").get(0).has("d")).as("private exponent").isFalse();
    }

    @Test
    void migratesItsOwnSchema() {
        List<String> tables = jdbi.withHandle(h -> h.createQuery(
                "select table_name from information_schema.tables where table_schema = 'identity'").mapTo(String.class).list());
        assertThat(tables).contains("organizer", "staff_account", "device", "signing_key", "oauth2_authorization", "outbox", "inbox");
    }

    @Test
    void keepsToItsOwnModuleAndKeepsTheDomainPlain() {
        ServiceArchitecture.check("identity");
    }
}
