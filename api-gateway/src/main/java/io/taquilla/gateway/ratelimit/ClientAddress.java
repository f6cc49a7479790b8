package io.taquilla.gateway.ratelimit;

import jakarta.servlet.http.HttpServletRequest;

/** Who a request comes from, for rate limiting: the first X-Forwarded-For hop or the peer address. */
final class ClientAddress {

    /** Longer values are cut: the key only needs to tell clients apart and must not grow memory. */
    private static final int MAX_LENGTH = 64;

    private ClientAddress() {
    }

    static String of(HttpServletRequest request, boolean trustForwardedFor) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                int comma = forwarded.indexOf(',');
                String first = (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
                if (!first.isEmpty()) {
                    return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH) : first;
                }
            }
        }
        return request.getRemoteAddr();
    }
}
