package io.taquilla.order.checkout.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * What makes two order requests "the same body" for an Idempotency-Key: event, lines (in any
 * order) and the normalised buyer. A SHA-256 of a canonical text, stored with the order.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {
    }

    public static String of(UUID eventId, List<RequestedLine> lines, String email, String name, String phone) {
        StringBuilder canonical = new StringBuilder().append(eventId).append('|');
        lines.stream()
                .sorted(Comparator.comparing(RequestedLine::ticketTypeId))
                .forEach(l -> canonical.append(l.ticketTypeId()).append('x').append(l.quantity()).append(';'));
        canonical.append('|').append(email).append('|').append(name).append('|').append(phone == null ? "" : phone);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
