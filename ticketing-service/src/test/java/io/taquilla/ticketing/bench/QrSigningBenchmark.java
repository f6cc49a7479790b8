package io.taquilla.ticketing.bench;

import io.taquilla.ticketing.signing.domain.QrTokenSigner;
import io.taquilla.tickettoken.QrTokenVerifier;
import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import io.taquilla.ticketing.signing.domain.SigningKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of signing and verifying one QR ticket. {@code raw*}: the primitive alone over the 45-byte
 * token header — BouncyCastle's Ed25519 (what ticketing and scanners use), the JDK's Ed25519 (for
 * comparison) and HMAC-SHA256. {@code token*}: the whole path as shipped, with base64url and
 * parsing ({@link QrTokenSigner#sign}, {@link QrTokenVerifier#verify}).
 *
 * <p>Sample mode times every call, so the median is available: on a shared two-core machine the
 * mean mostly measures how often the thread was preempted, the median what one call costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class QrSigningBenchmark {

    private static final String HMAC_SECRET = "benchmark-ticket-hmac-secret-0123456789";

    private byte[] header;
    private byte[] bcPrivate;
    private byte[] bcPublic;
    private Ed25519.PublicPoint bcPublicPoint;
    private byte[] bcSignature;
    private KeyPair jdkKeys;
    private byte[] jdkSignature;
    private SecretKeySpec hmacKey;
    private byte[] hmacTag;

    private QrTokenSigner ed25519Signer;
    private QrTokenSigner hmacSigner;
    private QrTokenVerifier verifier;
    private String ed25519Token;
    private String hmacToken;
    private UUID ticketId;
    private UUID eventId;
    private UUID ticketTypeId;

    @Setup
    public void setUp() throws Exception {
        SecureRandom random = new SecureRandom();
        ticketId = UUID.randomUUID();
        eventId = UUID.randomUUID();
        ticketTypeId = UUID.randomUUID();

        SigningKey ed = SigningKey.generate(Algorithm.ED25519, random, Instant.now());
        SigningKey hmac = SigningKey.generate(Algorithm.HMAC_SHA256, random, Instant.now());
        ed25519Signer = ed.signer(null);
        hmacSigner = hmac.signer(HMAC_SECRET);
        ed25519Token = ed25519Signer.sign(ticketId, eventId, ticketTypeId);
        hmacToken = hmacSigner.sign(ticketId, eventId, ticketTypeId);
        verifier = new QrTokenVerifier(List.of(ed.verificationKey(null).orElseThrow(),
                hmac.verificationKey(HMAC_SECRET).orElseThrow()));

        header = Arrays.copyOf(Base64.getUrlDecoder().decode(ed25519Token), QrTokenVerifier.HEADER_LENGTH);
        bcPrivate = ed.privateKey();
        bcPublic = ed.publicKey();
        bcPublicPoint = Ed25519.validatePublicKeyFullExport(bcPublic, 0);
        bcSignature = rawEd25519BcSign();

        jdkKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jdkSignature = rawEd25519JdkSign();

        hmacKey = new SecretKeySpec(QrTokenVerifier.hmacKeySecret(HMAC_SECRET, hmac.keyId()), "HmacSHA256");
        hmacTag = rawHmacSign();
        if (!rawEd25519BcVerify() || !rawEd25519JdkVerify() || !rawHmacVerify()
                || !tokenEd25519Verify() || !tokenHmacVerify()) {
            throw new IllegalStateException("benchmark fixtures do not verify");
        }
    }

    @Benchmark
    public byte[] rawEd25519BcSign() {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(bcPrivate, 0, bcPublic, 0, header, 0, header.length, signature, 0);
        return signature;
    }

    @Benchmark
    public boolean rawEd25519BcVerify() {
        return Ed25519.verify(bcSignature, 0, bcPublicPoint, header, 0, header.length);
    }

    @Benchmark
    public byte[] rawEd25519JdkSign() throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(jdkKeys.getPrivate());
        signature.update(header);
        return signature.sign();
    }

    @Benchmark
    public boolean rawEd25519JdkVerify() throws Exception {
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(jdkKeys.getPublic());
        signature.update(header);
        return signature.verify(jdkSignature);
    }

    @Benchmark
    public byte[] rawHmacSign() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(hmacKey);
        return mac.doFinal(header);
    }

    @Benchmark
    public boolean rawHmacVerify() throws Exception {
        return java.security.MessageDigest.isEqual(rawHmacSign(), hmacTag);
    }

    @Benchmark
    public String tokenEd25519Sign() {
        return ed25519Signer.sign(ticketId, eventId, ticketTypeId);
    }

    @Benchmark
    public boolean tokenEd25519Verify() {
        return verifier.verify(ed25519Token).valid();
    }

    @Benchmark
    public String tokenHmacSign() {
        return hmacSigner.sign(ticketId, eventId, ticketTypeId);
    }

    @Benchmark
    public boolean tokenHmacVerify() {
        return verifier.verify(hmacToken).valid();
    }
}
