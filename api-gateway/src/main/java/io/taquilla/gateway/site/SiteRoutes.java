package io.taquilla.gateway.site;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The purchase site at {@code /}, on the same origin as {@code /api} (no CORS). Only GETs of the
 * site's own paths are matched here, so every {@code /api/**} route is untouched. Pages are sent
 * with {@code no-cache} (revalidated by ETag) and the security headers; versioned assets are
 * immutable for a year.
 */
@Configuration(proxyBeanMethods = false)
class SiteRoutes {

    /** No inline script or style, only this origin; the import map is allowed by its hash. */
    static final String CSP = "default-src 'self'; script-src 'self' %s; style-src 'self'; img-src 'self' data: https:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Bean
    RouterFunction<ServerResponse> purchaseSite() {
        SiteFiles site = SiteFiles.load();
        return RouterFunctions.route()
                .GET("/assets/{version}/**", request -> asset(site, request))
                .GET("/", request -> page(site, "index", request))
                .GET("/events", request -> page(site, "index", request))
                .GET("/events/{slug}", request -> page(site, "event", request))
                .GET("/checkout", request -> page(site, "checkout", request))
                .GET("/checkout/success", request -> page(site, "success", request))
                .GET("/checkout/cancelled", request -> page(site, "cancelled", request))
                .GET("/tickets/resend", request -> page(site, "resend", request))
                .GET("/tickets/{orderId}", request -> page(site, "tickets", request))
                .GET("/newsletter", request -> page(site, "newsletter", request))
                .GET("/newsletter/confirm", request -> page(site, "newsletter-token", request))
                .GET("/newsletter/unsubscribe", request -> page(site, "newsletter-token", request))
                .build();
    }

    private static ServerResponse page(SiteFiles site, String name, ServerRequest request) {
        SiteFiles.Page page = site.page(name).orElse(null);
        if (page == null) {
            return ServerResponse.notFound().build();
        }
        return request.checkNotModified(page.etag()).orElseGet(() -> secured(ServerResponse.ok(), page.scriptHash())
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .eTag(page.etag())
                .body(page.html()));
    }

    private static ServerResponse asset(SiteFiles site, ServerRequest request) {
        String version = request.pathVariable("version");
        String path = request.path().substring(("/assets/" + version + "/").length());
        return site.asset(path)
                .map(asset -> ServerResponse.ok()
                        .contentType(asset.type())
                        // An old version's URL still gets today's file, but only for this once.
                        .cacheControl(version.equals(site.version()) ? IMMUTABLE : CacheControl.noCache())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(asset.content()))
                .orElseGet(() -> ServerResponse.status(HttpStatus.NOT_FOUND).build());
    }

    private static ServerResponse.BodyBuilder secured(ServerResponse.BodyBuilder response, String scriptHash) {
        return response
                .header("Content-Security-Policy", CSP.formatted(scriptHash).replace("  ", " "))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    }
}
