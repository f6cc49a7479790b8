package io.taquilla.gateway.routing;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.removeRequestHeader;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions.route;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Path prefix → service. Order matters: the event sub-resources owned by order-service
 * (availability) and scanner-service (offline bundle, check-ins) come before catalog's
 * catch-all {@code /api/events/**}.
 *
 * <p>CORS is answered here at the edge, so the browser's {@code Origin} is not forwarded:
 * services never see a cross-origin request and need no CORS configuration of their own.
 */
@Configuration(proxyBeanMethods = false)
class Routes {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(Upstreams upstreams) {
        return to("order-service", upstreams.order(),
                        path("/api/events/*/availability/**"),
                        path("/api/orders/**"),
                        path("/api/admin/orders/**"),
                        path("/api/admin/events/*/cancellation"))
                // Buyer routes served by notification-service, before ticketing's /api/tickets/**.
                .and(to("notification-service-public", upstreams.notification(),
                        path("/api/tickets/resend"),
                        path("/api/newsletter/**")))
                .and(to("scanner-service", upstreams.scanner(),
                        path("/api/events/*/offline-bundle/**"),
                        path("/api/events/*/checkins/**"),
                        path("/api/scans/**"),
                        path("/api/door/**"),
                        path("/api/admin/scans/**")))
                .and(to("catalog-service", upstreams.catalog(),
                        path("/api/events/**"),
                        path("/api/admin/events/**")))
                .and(to("payment-service", upstreams.payment(),
                        path("/api/payments/**"),
                        path("/api/admin/payments/**")))
                .and(to("ticketing-service", upstreams.ticketing(),
                        path("/api/tickets/**"),
                        path("/api/ticketing/**")))
                .and(to("notification-service", upstreams.notification(),
                        path("/api/admin/notifications/**")))
                .and(identity(upstreams.identity()));
    }

    /**
     * identity-service: the OIDC endpoints, its login page and its APIs. It builds redirects (to
     * /login, back to /oauth2/authorize) from the X-Forwarded-* headers set here, so the browser
     * stays on the gateway's origin.
     */
    private static RouterFunction<ServerResponse> identity(URI upstream) {
        RequestPredicate paths = path("/oauth2/**").or(path("/login")).or(path("/logout")).or(path("/.well-known/**"))
                .or(path("/userinfo")).or(path("/connect/**")).or(path("/api/identity/**")).or(path("/api/admin/identity/**"));
        return route("identity-service")
                .route(paths, http())
                .before(forwardedOrigin())
                .before(uri(upstream))
                .before(removeRequestHeader(HttpHeaders.ORIGIN))
                .onError(UpstreamUnavailable::isUpstreamFailure, new UpstreamUnavailable("identity-service"))
                .build();
    }

    /** The public scheme, host and port the browser used, for the upstream's redirects. */
    static java.util.function.Function<ServerRequest, ServerRequest> forwardedOrigin() {
        return request -> {
            URI original = request.uri();
            int port = original.getPort() > 0 ? original.getPort() : ("https".equals(original.getScheme()) ? 443 : 80);
            return ServerRequest.from(request)
                    .headers(headers -> {
                        headers.set("X-Forwarded-Proto", original.getScheme());
                        headers.set("X-Forwarded-Host", original.getHost() + (original.getPort() > 0 ? ":" + original.getPort() : ""));
                        headers.set("X-Forwarded-Port", String.valueOf(port));
                    })
                    .build();
        };
    }

    private static RouterFunction<ServerResponse> to(String service, URI upstream, RequestPredicate... paths) {
        RequestPredicate any = paths[0];
        for (int i = 1; i < paths.length; i++) {
            any = any.or(paths[i]);
        }
        return route(service)
                .route(any, http())
                .before(uri(upstream))
                .before(removeRequestHeader(HttpHeaders.ORIGIN))
                .onError(UpstreamUnavailable::isUpstreamFailure, new UpstreamUnavailable(service))
                .build();
    }
}
