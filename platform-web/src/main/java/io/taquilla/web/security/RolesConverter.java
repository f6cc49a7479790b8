package io.taquilla.web.security;

import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** {@code roles: ["organizer-admin"]} becomes the authority {@code ROLE_organizer-admin}. */
public final class RolesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

    private final JwtSettings settings;

    RolesConverter(JwtSettings settings) {
        this.settings = settings;
    }

    @Override
    public Collection<GrantedAuthority> convert(Jwt jwt) {
        return StaffCaller.strings(StaffCaller.claim(jwt, settings.rolesClaim())).stream()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    public static org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter authentication(
            JwtSettings settings) {
        var converter = new org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RolesConverter(settings));
        return converter;
    }
}
