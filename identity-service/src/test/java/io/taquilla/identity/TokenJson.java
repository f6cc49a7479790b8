package io.taquilla.identity;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads token responses and checks a JWT against the published JWKS, independently of the service's own decoder. */
public final class TokenJson {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TokenJson() {
    }

    public static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    /** The JWT's claims, after its signature verified with the key the JWKS publishes under its kid. */
    public static Map<String, Object> verifiedClaims(String base, String jwt) throws Exception {
        JWSObject jws = JWSObject.parse(jwt);
        String jwks = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/oauth2/jwks")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jws.getHeader().getKeyID());
        if (key == null) {
            throw new AssertionError("kid " + jws.getHeader().getKeyID() + " is not in the JWKS");
        }
        if (key.isPrivate()) {
            throw new AssertionError("the JWKS leaks a private key");
        }
        if (!jws.verify(new RSASSAVerifier(key))) {
            throw new AssertionError("signature does not verify");
        }
        return jws.getPayload().toJSONObject();
    }
}
