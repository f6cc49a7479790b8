package io.taquilla.identity.keys;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** The signing_key table. */
@Component
public class SigningKeyStore {

    private static final String SELECT = """
            select kid, public_key, private_key, created_at, activated_at, retire_after from signing_key
            """;

    private final Jdbi jdbi;

    public SigningKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Keys that still verify tokens (newest first): the active one and those not retired yet. */
    public List<SigningKey> published(Instant now) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " where retire_after is null or retire_after > :now order by activated_at desc")
                .bind("now", utc(now)).map((rs, ctx) -> row(rs)).list());
    }

    /** The key that signs new tokens: the newest activated one. */
    public Optional<SigningKey> active(Handle handle) {
        return handle.createQuery(SELECT + " where retire_after is null order by activated_at desc limit 1")
                .map((rs, ctx) -> row(rs)).findOne();
    }

    public Optional<SigningKey> active() {
        return jdbi.withHandle(this::active);
    }

    /** Serialises rotations: whoever holds this lock decides whether a new key is needed. */
    public void lock(Handle handle) {
        handle.execute("lock table signing_key in share row exclusive mode");
    }

    public void insert(Handle handle, SigningKey key) {
        handle.createUpdate("""
                insert into signing_key (kid, public_key, private_key, created_at, activated_at, retire_after)
                values (:kid, :publicKey, :privateKey, :createdAt, :activatedAt, null)
                """)
                .bind("kid", key.kid()).bind("publicKey", key.publicKey()).bind("privateKey", key.privateKey())
                .bind("createdAt", utc(key.createdAt())).bind("activatedAt", utc(key.activatedAt()))
                .execute();
    }

    /** Every key but {@code except} that still signs stops signing and leaves the JWKS after {@code retireAfter}. */
    public void retireAllBut(Handle handle, String except, Instant retireAfter) {
        handle.createUpdate("update signing_key set retire_after = :retireAfter where retire_after is null and kid <> :kid")
                .bind("retireAfter", utc(retireAfter)).bind("kid", except).execute();
    }

    private static SigningKey row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new SigningKey(rs.getString("kid"), rs.getString("public_key"), rs.getString("private_key"),
                instant(rs, "created_at"), instant(rs, "activated_at"), instant(rs, "retire_after"));
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
