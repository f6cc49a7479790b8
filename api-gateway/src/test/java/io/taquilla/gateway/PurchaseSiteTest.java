package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The purchase site is served at / next to the API, with cache and security headers. */
class PurchaseSiteTest extends GatewayTest {

    private static final Pattern ASSET = Pattern.compile("src=\"(/assets/([0-9a-f]{12})/js/pages/[a-z-]+\\.js)\"");
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/, events",
            "/events, events",
            "/events/perreo-fridays, event",
            "/checkout?order=2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60, checkout",
            "/checkout/success?order=2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60&session_id=cs_1, success",
            "/checkout/cancelled?order=2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60, cancelled",
            "/tickets/2b0c4a55-1d0e-4b4f-8d43-1c2d3e4f5a60?token=abc, tickets",
            "/tickets/resend, resend",
            "/newsletter, newsletter",
            "/newsletter/confirm?token=abc, newsletter-token",
            "/newsletter/unsubscribe?token=abc, newsletter-token"})
    void servesEachPageWithItsScriptAndSecurityHeaders(String path, String script) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains("/js/pages/" + script + ".js\"").doesNotContain("{{v}}");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'").doesNotContain("unsafe");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void allowsExactlyThePagesImportMapByItsHash() throws Exception {
        HttpResponse<String> page = get("/");
        Matcher importMap = IMPORT_MAP.matcher(page.body());
        assertThat(importMap.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self' 'sha256-" + hash + "'");
    }

    @Test
    void versionedAssetsAreImmutableAndOldVersionsAreNot() {
        Matcher asset = ASSET.matcher(get("/").body());
        assertThat(asset.find()).isTrue();

        HttpResponse<String> current = get(asset.group(1));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
        assertThat(current.headers().firstValue("Cache-Control")).hasValueSatisfying(cache ->
                assertThat(cache).contains("max-age=31536000", "immutable", "public"));
        assertThat(current.body()).contains("import ");

        HttpResponse<String> old = get(asset.group(1).replace(asset.group(2), "000000000000"));
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void unknownAssetsAndPathsAre404() {
        assertThat(get("/assets/000000000000/js/nope.js").statusCode()).isEqualTo(404);
        assertThat(get("/assets/000000000000/../pages/index.html").statusCode()).isEqualTo(404);
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesAreRevalidatedByEtag() {
        HttpResponse<String> first = get("/events/perreo-fridays");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> again = send(request("/events/perreo-fridays").header("X-Forwarded-For", freshClient())
                .header("If-None-Match", etag).GET());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void theApiIsStillRoutedBesideTheSite() {
        HttpResponse<String> response = get("/api/events/perreo-fridays");

        assertThat(response.body()).isEqualTo("{\"service\":\"catalog\"}");
        assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
    }
}
