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
                        path("/api/admin/notifications/**")));
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
