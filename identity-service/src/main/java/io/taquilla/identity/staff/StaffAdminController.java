package io.taquilla.identity.staff;

import io.taquilla.identity.admin.Caller;
import io.taquilla.identity.staff.domain.Role;
import io.taquilla.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invite, list, change the role of and remove staff: platform admins everywhere, organizer admins in their organizer. */
@RestController
@RequestMapping("/api/admin/identity/staff")
class StaffAdminController {

    record InviteRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 120) String name,
                         @NotBlank String role, UUID organizerId, List<UUID> events) {}

    record RoleRequest(@NotBlank String role, List<UUID> events) {}

    record StaffView(UUID id, String email, String name, String role, UUID organizerId, List<UUID> events, String status,
                     Instant createdAt) {
        static StaffView of(StaffAccount a) {
            return new StaffView(a.id(), a.email(), a.name(), a.role().wire(), a.organizerId(), a.events(), a.status(), a.createdAt());
        }
    }

    private final Jdbi jdbi;
    private final StaffStore staff;
    private final InviteStaff invite;
    private final ChangeStaff change;

    StaffAdminController(Jdbi jdbi, StaffStore staff, InviteStaff invite, ChangeStaff change) {
        this.jdbi = jdbi;
        this.staff = staff;
        this.invite = invite;
        this.change = change;
    }

    @PostMapping
    ResponseEntity<StaffView> invite(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody InviteRequest request) {
        StaffAccount account = invite.invite(Caller.of(jwt), new InviteStaff.Invitation(request.email(), request.name(),
                role(request.role()), request.organizerId(), request.events()));
        return ResponseEntity.created(URI.create("/api/admin/identity/staff/" + account.id())).body(StaffView.of(account));
    }

    @GetMapping
    List<StaffView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) UUID organizerId) {
        UUID scope = Caller.of(jwt).listScope(organizerId);
        return jdbi.withHandle(h -> staff.list(h, scope)).stream().map(StaffView::of).toList();
    }

    @PutMapping("/{id}/role")
    StaffView changeRole(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @Valid @RequestBody RoleRequest request) {
        return StaffView.of(change.changeRole(Caller.of(jwt), id, role(request.role()), request.events()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        change.remove(Caller.of(jwt), id);
        return ResponseEntity.noContent().build();
    }

    static Role role(String wire) {
        return Role.fromWire(wire).orElseThrow(() -> ApiProblem.badRequest("validation",
                "role must be one of platform-admin, organizer-admin, organizer-staff, door"));
    }
}
