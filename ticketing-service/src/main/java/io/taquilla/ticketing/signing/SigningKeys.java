package io.taquilla.ticketing.signing;

import io.taquilla.tickettoken.QrTokenVerifier;

import io.taquilla.tickettoken.QrTokenVerifier.Algorithm;
import io.taquilla.ticketing.signing.domain.SigningKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code signing_keys} table. */
@RegisterRowMapper(SigningKeys.Mapper.class)
public interface SigningKeys {

    String COLUMNS = "key_id, algorithm, private_key, public_key, status, activated_at, retired_at";

    /** Serialises key creation and rotation across instances (released at commit). */
    @SqlQuery("select pg_advisory_xact_lock(hashtext('ticketing.signing_keys'))::text")
    String lock();

    @SqlQuery("select " + COLUMNS + " from signing_keys order by activated_at desc, key_id")
    List<SigningKey> all();

    @SqlQuery("select " + COLUMNS + " from signing_keys where status = 'ACTIVE'")
    Optional<SigningKey> active();

    @SqlQuery("select " + COLUMNS + " from signing_keys where key_id = :keyId")
    Optional<SigningKey> find(@Bind("keyId") String keyId);

    @SqlUpdate("""
            insert into signing_keys (key_id, algorithm, private_key, public_key, status, activated_at, retired_at)
            values (:keyId, :algorithm, :privateKey, :publicKey, :status, :activatedAt, :retiredAt)
            on conflict do nothing
            """)
    int insert(@Bind("keyId") String keyId, @Bind("algorithm") String algorithm, @Bind("privateKey") byte[] privateKey,
               @Bind("publicKey") byte[] publicKey, @Bind("status") String status,
               @Bind("activatedAt") Instant activatedAt, @Bind("retiredAt") Instant retiredAt);

    @SqlUpdate("update signing_keys set status = 'RETIRED', retired_at = :at where key_id = :keyId and status = 'ACTIVE'")
    int retire(@Bind("keyId") String keyId, @Bind("at") Instant at);

    default boolean insert(SigningKey key) {
        return insert(key.keyId(), key.algorithm().wireName(), key.privateKey(), key.publicKey(), key.status().name(),
                key.activatedAt(), key.retiredAt()) == 1;
    }

    class Mapper implements RowMapper<SigningKey> {
        @Override
        public SigningKey map(ResultSet rs, StatementContext ctx) throws SQLException {
            OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
            return new SigningKey(rs.getString("key_id"), Algorithm.fromWireName(rs.getString("algorithm")),
                    rs.getBytes("private_key"), rs.getBytes("public_key"), SigningKey.Status.valueOf(rs.getString("status")),
                    rs.getObject("activated_at", OffsetDateTime.class).toInstant(),
                    retired == null ? null : retired.toInstant());
        }
    }
}
