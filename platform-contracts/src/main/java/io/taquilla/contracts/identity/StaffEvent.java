package io.taquilla.contracts.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.taquilla.contracts.TaquillaEvent;

import java.util.UUID;

/**
 * Events on {@code identity.staff.v1}, keyed by staff account id: invitations, password resets,
 * role changes, removals and the door devices a staff member registered. No event carries a
 * password; invitation and reset events carry the single-use link the person must receive.
 */
public sealed interface StaffEvent extends TaquillaEvent
        permits StaffInvited, PasswordResetRequested, StaffRoleChanged, StaffRemoved, DeviceRegistered, DeviceRevoked {

    UUID staffId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return staffId().toString();
    }
}
