package io.taquilla.identity.oauth;

import io.taquilla.identity.IdentityProperties;
import io.taquilla.identity.device.RegisterDevice;
import io.taquilla.identity.staff.StaffAccount;
import io.taquilla.identity.staff.StaffStore;
import io.taquilla.identity.staff.domain.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationGrantAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims of the token contract: {@code aud} taquilla-api, {@code roles}, {@code org},
 * {@code events}, {@code device_id}, {@code name}, {@code email}; {@code sub} the staff id (or the
 * client id for client credentials). Read fresh from the database on every issue and refresh, so a
 * removed account or a revoked device cannot refresh.
 */
@Component
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String ROLES = "roles";
    public static final String ORG = "org";
    public static final String EVENTS = "events";
    public static final String DEVICE_ID = "device_id";
    public static final String NAME = "name";
    public static final String EMAIL = "email";

    private final Jdbi jdbi;
    private final StaffStore staff;
    private final ScriptClients scripts;
    private final RegisterDevice devices;
    private final IdentityProperties properties;

    public TokenClaims(Jdbi jdbi, StaffStore staff, ScriptClients scripts, RegisterDevice devices,
                       IdentityProperties properties) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.scripts = scripts;
        this.devices = devices;
        this.properties = properties;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        JwtClaimsSet.Builder claims = context.getClaims();
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (accessToken) {
            refuseOtherAudiences(context);
            claims.audience(list(List.of(properties.audience())));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            ScriptClients.Grant grant = scripts.find(clientId)
                    .orElseThrow(() -> refused(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT, "client has no roles"));
            claims.subject(clientId).claim(ROLES, list(grant.roles()));
            if (grant.organizerId() != null) {
                claims.claim(ORG, grant.organizerId().toString());
            }
            return;
        }
        StaffAccount account = jdbi.withHandle(h -> staff.find(h, UUID.fromString(context.getPrincipal().getName())))
                .filter(StaffAccount::active)
                .orElseThrow(() -> refused(OAuth2ErrorCodes.INVALID_GRANT, "account is not active"));
        claims.subject(account.id().toString()).claim(NAME, account.name()).claim(EMAIL, account.email());
        if (!accessToken) {
            return;
        }
        claims.claim(ROLES, list(List.of(account.role().wire())));
        if (account.organizerId() != null) {
            claims.claim(ORG, account.organizerId().toString());
        }
        if (account.role() == Role.DOOR && account.events() != null) {
            claims.claim(EVENTS, list(account.events().stream().map(UUID::toString).toList()));
        }
        if (Clients.DOOR_APP.equals(context.getRegisteredClient().getClientId())) {
            claims.claim(DEVICE_ID, deviceId(context, account).toString());
        }
    }

    /** A door-app code exchange registers a device; a refresh keeps it, unless it was revoked. */
    private UUID deviceId(JwtEncodingContext context, StaffAccount account) {
        OAuth2Authorization authorization = context.getAuthorization();
        if (AuthorizationGrantType.REFRESH_TOKEN.equals(context.getAuthorizationGrantType())) {
            Map<String, Object> previous = authorization == null || authorization.getAccessToken() == null ? Map.of()
                    : authorization.getAccessToken().getClaims();
            Object deviceId = previous == null ? null : previous.get(DEVICE_ID);
            if (deviceId == null) {
                throw refused(OAuth2ErrorCodes.INVALID_GRANT, "no device");
            }
            UUID id = UUID.fromString(deviceId.toString());
            String refusal = devices.refuseRefresh(id);
            if (refusal != null) {
                throw refused(OAuth2ErrorCodes.INVALID_GRANT, refusal);
            }
            return id;
        }
        if (account.organizerId() == null) {
            throw refused(OAuth2ErrorCodes.ACCESS_DENIED, "door devices belong to an organizer; platform admins use the console");
        }
        OAuth2AuthorizationRequest request = authorization == null ? null
                : authorization.getAttribute(OAuth2AuthorizationRequest.class.getName());
        Object name = request == null ? null : request.getAdditionalParameters().get(Clients.DEVICE_NAME);
        return devices.register(account, name == null ? null : name.toString(), authorization == null ? null : authorization.getId());
    }

    /** Tokens are only for taquilla-api: a request naming another audience or resource gets none. */
    private void refuseOtherAudiences(JwtEncodingContext context) {
        Object grant = context.getAuthorizationGrant();
        if (grant instanceof OAuth2AuthorizationGrantAuthenticationToken token) {
            for (String parameter : List.of("audience", "resource")) {
                Object requested = token.getAdditionalParameters().get(parameter);
                if (requested != null && !properties.audience().equals(String.valueOf(requested))) {
                    throw refused("invalid_target", "tokens are only issued for " + properties.audience());
                }
            }
        }
    }

    /**
     * A plain ArrayList: the JDBC authorization store keeps the claims as typed JSON and reads back
     * only allow-listed collection types (not {@code List.of}'s).
     */
    private static ArrayList<String> list(List<String> values) {
        return new ArrayList<>(values);
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
