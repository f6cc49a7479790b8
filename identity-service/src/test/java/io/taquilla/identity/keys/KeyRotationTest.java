package io.taquilla.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSObject;
import io.taquilla.identity.Api;
import io.taquilla.identity.TokenJson;
import io.taquilla.testsupport.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class KeyRotationTest {

    @LocalServerPort int port;
    @Autowired Jdbi jdbi;

    @Test
    void rotationSignsWithTheNewKeyAndKeepsOldTokensVerifiableUntilTheyExpired() throws Exception {
        Api api = new Api(port);
        String before = api.platformAdmin();
        String oldKid = JWSObject.parse(before).getHeader().getKeyID();

        Api.Reply rotated = api.call("POST", "/api/admin/identity/keys/rotate", before, null);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        String newKid = rotated.body().get("activeKid").asString();
        assertThat(newKid).isNotEqualTo(oldKid);

        String after = api.platformAdmin();
        assertThat(JWSObject.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
        assertThat(kids(api)).contains(oldKid, newKid);
        assertThat(TokenJson.verifiedClaims(api.base(), before).get("sub")).isEqualTo("taquilla-cli");
        assertThat(api.call("GET", "/api/admin/identity/organizers", before, null).status()).as("old token still accepted").isEqualTo(200);

        // Once every token of the old key has expired, it leaves the JWKS and its tokens stop working.
        jdbi.useHandle(h -> h.createUpdate("update signing_key set retire_after = now() - interval '1 second' where kid = :kid")
                .bind("kid", oldKid).execute());
        assertThat(kids(api)).contains(newKid).doesNotContain(oldKid);
        assertThat(api.call("GET", "/api/admin/identity/organizers", before, null).status()).isEqualTo(401);
        assertThat(api.call("GET", "/api/admin/identity/organizers", after, null).status()).isEqualTo(200);
    }

    @Test
    void onlyPlatformAdminsRotate() {
        Api api = new Api(port);
        assertThat(api.call("POST", "/api/admin/identity/keys/rotate", null, null).status()).isEqualTo(401);
    }

    private static List<String> kids(Api api) {
        Map<?, ?> jwks = TokenJson.JSON.readValue(api.call("GET", "/oauth2/jwks", null, null).raw(), Map.class);
        return ((List<?>) jwks.get("keys")).stream().map(k -> (String) ((Map<?, ?>) k).get("kid")).toList();
    }
}
