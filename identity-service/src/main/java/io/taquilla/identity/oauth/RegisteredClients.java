package io.taquilla.identity.oauth;

import io.taquilla.identity.IdentityProperties;
import org.jdbi.v3.core.Jdbi;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * Writes the contract's clients at start-up (so a change of public URL or token lifetime applies
 * on the next deploy): {@code console}, {@code door-app}, and the script client when it has a secret.
 */
@Component
class RegisteredClients {

    private final RegisteredClientRepository clients;
    private final ScriptClients scripts;
    private final Jdbi jdbi;
    private final PasswordEncoder passwords;
    private final IdentityProperties properties;

    RegisteredClients(RegisteredClientRepository clients, ScriptClients scripts, Jdbi jdbi, PasswordEncoder passwords,
                      IdentityProperties properties) {
        this.clients = clients;
        this.scripts = scripts;
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.properties = properties;
    }

    @EventListener(ApplicationStartedEvent.class)
    void register() {
        String base = properties.publicBaseUrl();
        RegisteredClient.Builder console = publicClient(Clients.CONSOLE, "Organizer console")
                .redirectUri(base + "/console/callback")
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build());
        RegisteredClient.Builder door = publicClient(Clients.DOOR_APP, "Door app")
                .redirectUri(base + "/door/callback")
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.doorRefreshTokenTtl()).reuseRefreshTokens(false).build());
        properties.extraRedirectUris().forEach(uri -> {
            console.redirectUri(uri);
            door.redirectUri(uri);
        });
        save(console);
        save(door);
        IdentityProperties.CliClient cli = properties.cliClient();
        if (cli != null && cli.secret() != null && !cli.secret().isBlank()) {
            save(RegisteredClient.withId(cli.clientId()).clientId(cli.clientId()).clientName("Scripts")
                    .clientSecret(passwords.encode(cli.secret()))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenTtl()).build()));
            jdbi.useHandle(h -> scripts.upsert(h, cli.clientId(), cli.roles(), null));
        }
    }

    private static RegisteredClient.Builder publicClient(String id, String name) {
        return RegisteredClient.withId(id).clientId(id).clientName(name)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
    }

    /** Same registration id every start: the repository updates the row instead of adding one. */
    private void save(RegisteredClient.Builder client) {
        RegisteredClient built = client.build();
        RegisteredClient existing = clients.findByClientId(built.getClientId());
        clients.save(existing == null ? built : RegisteredClient.from(built).id(existing.getId()).build());
    }

}
