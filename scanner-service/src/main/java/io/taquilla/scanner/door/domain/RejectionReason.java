package io.taquilla.scanner.door.domain;

/** Why the door said no. The names are the API's reason codes. */
public enum RejectionReason {
    INVALID_SIGNATURE,
    UNKNOWN_TICKET,
    WRONG_EVENT,
    ALREADY_USED,
    REVOKED,
    EVENT_NOT_OPEN
}
