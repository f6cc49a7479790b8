package io.taquilla.identity.organizer;

import java.time.Instant;
import java.util.UUID;

/** A company that runs events; its id is the {@code org} claim of its staff's tokens. */
public record Organizer(UUID id, String name, Instant createdAt) {}
