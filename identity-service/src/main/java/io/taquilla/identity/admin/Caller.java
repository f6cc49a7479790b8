package io.taquilla.identity.admin;

import io.taquilla.identity.oauth.TokenClaims;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.web.ApiProblem;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling an admin route, from their verified token: platform admins see every organizer,
 * organizer admins only their own. Everything else is refused here, once, for every route.
 */
public record Caller(String subject, String display, boolean platformAdmin, UUID organizerId) {

    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenClaims.ROLES);
        roles = roles == null ? List.of() : roles;
        boolean platform = roles.contains(Role.PLATFORM_ADMIN.wire());
        String org = jwt.getClaimAsString(TokenClaims.ORG);
        if (!platform && (!roles.contains(Role.ORGANIZER_ADMIN.wire()) || org == null)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only platform admins and organizer admins manage staff and devices");
        }
        String display = Objects.requireNonNullElse(jwt.getClaimAsString(TokenClaims.NAME), jwt.getSubject());
        return new Caller(jwt.getSubject(), display, platform, platform ? null : UUID.fromString(org));
    }

    /** The organizer a list is limited to: the caller's own, or (platform admins) the one asked for, or all (null). */
    public UUID listScope(UUID requested) {
        if (platformAdmin) {
            return requested;
        }
        if (requested != null && !requested.equals(organizerId)) {
            throw forbiddenOrganizer();
        }
        return organizerId;
    }

    /** The organizer a new account goes to; organizer admins may only add to their own. */
    public UUID targetOrganizer(UUID requested) {
        if (platformAdmin) {
            return requested;
        }
        if (requested != null && !requested.equals(organizerId)) {
            throw forbiddenOrganizer();
        }
        return organizerId;
    }

    /** Whether the caller may see or change something of {@code organizer} (null: platform-level). */
    public boolean sees(UUID organizer) {
        return platformAdmin || (organizer != null && organizer.equals(organizerId));
    }

    public void requirePlatformAdmin() {
        if (!platformAdmin) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Only platform admins may do this");
        }
    }

    private static ApiProblem forbiddenOrganizer() {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You can only manage your own organizer");
    }
}
