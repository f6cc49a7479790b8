package io.taquilla.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The door app's files at /door/ from the door-app jar, with the right types and headers. */
class DoorAppServingTest extends GatewayTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "/door/, text/html",
            "/door/index.html, text/html",
            "/door/callback, text/html",
            "/door/door.css, text/css",
            "/door/js/app.js, text/javascript",
            "/door/sw.js, text/javascript",
            "/door/decoder/qr-decoder.js, text/javascript",
            "/door/manifest.webmanifest, application/manifest+json",
            "/door/icon.svg, image/svg+xml"})
    void servesTheAppWithItsContentTypes(String path, String type) {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertThat(contentType.startsWith(type) || type.equals("text/javascript") && contentType.startsWith("application/javascript"))
                .as(path + " Content-Type " + contentType).isTrue();
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-cache"));
    }

    @Test
    void everyDoorResponseCarriesAStrictContentSecurityPolicy() {
        HttpResponse<String> page = get("/door/");

        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "worker-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Permissions-Policy")).hasValueSatisfying(v -> assertThat(v).contains("camera=(self)"));
        assertThat(page.body()).contains("<title>Taquilla Door</title>").doesNotContain("<script>", "style=");
    }

    @Test
    void bareDoorRedirectsAndUnknownFilesAre404() {
        HttpResponse<String> bare = get("/door");
        assertThat(bare.statusCode()).isBetween(301, 308);
        assertThat(bare.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/door/"));
        assertThat(get("/door/nothing-here.js").statusCode()).isEqualTo(404);
        assertThat(get("/door/../application.yaml").statusCode()).isIn(400, 404);
    }

    @Test
    void configSaysHowToSignIn() {
        HttpResponse<String> config = get("/door/config.json");

        assertThat(config.statusCode()).isEqualTo(200);
        // Off unless the local stack turns it on; no identity issuer configured in this test.
        assertThat(config.body()).isEqualTo("{\"devLogin\":false}");
    }
}
