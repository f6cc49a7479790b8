package io.taquilla.localstack;

/**
 * Where a path is served: everything through the gateway, or — when the gateway is not built —
 * straight to the owning service, by the same prefixes the gateway routes on.
 */
interface Routes {

    String url(String path);

    static Routes gateway(String gatewayUrl) {
        return path -> gatewayUrl + path;
    }

    static Routes direct(StackLayout layout) {
        return path -> layout.url(owner(path)) + path;
    }

    static String owner(String path) {
        if (path.matches("/api/events/[^/]+/availability.*") || path.startsWith("/api/orders") || path.startsWith("/api/admin/orders")
                || path.matches("/api/admin/events/[^/]+/cancellation")) {
            return "order-service";
        }
        if (path.matches("/api/events/[^/]+/(offline-bundle|checkins).*") || path.startsWith("/api/scans") || path.startsWith("/api/admin/scans")) {
            return "scanner-service";
        }
        if (path.startsWith("/api/tickets/resend") || path.startsWith("/api/newsletter")) {
            return "notification-service";
        }
        if (path.startsWith("/api/payments") || path.startsWith("/api/admin/payments")) {
            return "payment-service";
        }
        if (path.startsWith("/api/tickets") || path.startsWith("/api/ticketing") || path.startsWith("/api/admin/ticketing")) {
            return "ticketing-service";
        }
        if (path.startsWith("/oauth2/") || path.equals("/login") || path.startsWith("/.well-known/")
                || path.startsWith("/api/identity/") || path.startsWith("/api/admin/identity/")) {
            return "identity-service";
        }
        if (path.startsWith("/api/admin/notifications")) {
            return "notification-service";
        }
        return "catalog-service";
    }
}
