package io.taquilla.identity.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

/**
 * An RS256 signing key as stored: DER encodings in base64. {@code retireAfter} is set once a newer
 * key took over: from then on it only verifies, and it leaves the JWKS when its last token expired.
 */
public record SigningKey(String kid, String publicKey, String privateKey, Instant createdAt, Instant activatedAt,
                         Instant retireAfter) {

    /** A fresh 2048-bit RSA key pair. */
    public static SigningKey generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Base64.Encoder b64 = Base64.getEncoder();
            String kid = "k" + now.getEpochSecond() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            return new SigningKey(kid, b64.encodeToString(pair.getPublic().getEncoded()),
                    b64.encodeToString(pair.getPrivate().getEncoded()), now, now, null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    public RSAKey toJwk() {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            RSAPrivateKey priv = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("signing key " + kid + " cannot be read", e);
        }
    }
}
