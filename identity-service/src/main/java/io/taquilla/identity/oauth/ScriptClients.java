package io.taquilla.identity.oauth;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.springframework.stereotype.Component;

/** What a client-credentials client's tokens may do: its roles and organizer, from script_client. */
@Component
public class ScriptClients {

    public record Grant(List<String> roles, UUID organizerId) {}

    private final Jdbi jdbi;

    public ScriptClients(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Grant> find(String clientId) {
        return jdbi.withHandle(h -> h.createQuery("select roles, organizer_id from script_client where client_id = :id")
                .bind("id", clientId)
                .map((rs, ctx) -> {
                    Array roles = rs.getArray("roles");
                    return new Grant(Arrays.stream((Object[]) roles.getArray()).map(String::valueOf).toList(),
                            rs.getObject("organizer_id", UUID.class));
                }).findOne());
    }

    public void upsert(Handle handle, String clientId, List<String> roles, UUID organizerId) {
        handle.createUpdate("""
                insert into script_client (client_id, roles, organizer_id) values (:id, :roles, :org)
                on conflict (client_id) do update set roles = excluded.roles, organizer_id = excluded.organizer_id
                """)
                .bind("id", clientId).bindArray("roles", String.class, roles.toArray(String[]::new))
                .bind("org", organizerId).execute();
    }
}
