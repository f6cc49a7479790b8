package io.taquilla.gateway.door;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the door app is told at start ({@code /door/config.json}).
 *
 * @param devLogin  show the "paste a door token" sign-in (env {@code DOOR_DEV_LOGIN}); only the
 *                  local stack turns it on
 * @param issuer    identity-service's issuer (env {@code DOOR_OIDC_ISSUER}); when set the app signs
 *                  in with authorization code + PKCE as the public client {@code clientId}
 * @param clientId  the OAuth client of the door app
 */
@ConfigurationProperties("taquilla.gateway.door")
public record DoorAppProperties(@DefaultValue("false") boolean devLogin, @DefaultValue("") String issuer,
                                @DefaultValue("door-app") String clientId) {
}
