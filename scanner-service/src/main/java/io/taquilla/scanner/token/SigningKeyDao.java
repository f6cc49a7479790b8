package io.taquilla.scanner.token;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SigningKeyDao.Row.class)
public interface SigningKeyDao {

    record Row(String keyId, String algorithm, String publicKey, String status, Instant activatedAt, Instant retiredAt) {}

    @SqlQuery("select key_id, algorithm, public_key, status, activated_at, retired_at from signing_key")
    List<Row> all();

    @SqlUpdate("""
            insert into signing_key (key_id, algorithm, public_key, status, activated_at, retired_at)
            values (:keyId, :algorithm, :publicKey, :status, :activatedAt, :retiredAt)
            on conflict (key_id) do update
               set algorithm = excluded.algorithm, public_key = excluded.public_key, status = excluded.status,
                   activated_at = excluded.activated_at, retired_at = excluded.retired_at, updated_at = now()
            """)
    void upsert(@BindMethods Row row);
}
