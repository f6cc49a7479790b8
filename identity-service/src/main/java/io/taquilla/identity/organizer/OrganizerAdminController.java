package io.taquilla.identity.organizer;

import io.taquilla.identity.admin.Caller;
import io.taquilla.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Platform admins create organizers; an organizer admin sees only their own. */
@RestController
@RequestMapping("/api/admin/identity/organizers")
class OrganizerAdminController {

    record OrganizerRequest(UUID id, @NotBlank @Size(max = 120) String name) {}

    private final Jdbi jdbi;
    private final OrganizerStore organizers;
    private final Clock clock;

    OrganizerAdminController(Jdbi jdbi, OrganizerStore organizers, Clock clock) {
        this.jdbi = jdbi;
        this.organizers = organizers;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<Organizer> create(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody OrganizerRequest request) {
        Caller.of(jwt).requirePlatformAdmin();
        UUID id = request.id() == null ? UUID.randomUUID() : request.id();
        Organizer created = jdbi.inTransaction(h -> {
            if (!organizers.insert(h, id, request.name().strip(), clock.instant())) {
                throw new ApiProblem(HttpStatus.CONFLICT, "organizer-exists", "Organizer exists", "Organizer " + id + " already exists");
            }
            return organizers.find(h, id).orElseThrow();
        });
        return ResponseEntity.created(URI.create("/api/admin/identity/organizers/" + id)).body(created);
    }

    @GetMapping
    List<Organizer> list(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        return jdbi.withHandle(h -> organizers.list(h)).stream().filter(o -> caller.sees(o.id())).toList();
    }
}
