package io.taquilla.identity.keys;

import io.taquilla.identity.admin.Caller;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Rotates the signing key now (e.g. after a suspected leak); the schedule does it routinely. */
@RestController
class KeyAdminController {

    private final RotateSigningKey rotate;

    KeyAdminController(RotateSigningKey rotate) {
        this.rotate = rotate;
    }

    @PostMapping("/api/admin/identity/keys/rotate")
    Map<String, String> rotate(@AuthenticationPrincipal Jwt jwt) {
        Caller.of(jwt).requirePlatformAdmin();
        return Map.of("activeKid", rotate.rotate());
    }
}
