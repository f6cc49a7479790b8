package io.taquilla.testsupport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

class ChromiumTest {

    @Test
    void drivesTheSystemChromiumAtPhoneWidthAndSavesAScreenshot() {
        try (BrowserSession session = Chromium.launch();
                BrowserContext context = session.newContext(Viewport.PHONE, "es-ES")) {
            Page page = context.newPage();
            page.setContent("<html lang=en><meta name=viewport content=\"width=device-width\"><title>t</title><main><h1>Hola</h1></main></html>");

            assertThat(page.evaluate("() => window.innerWidth")).isEqualTo(375);
            assertThat(page.evaluate("() => navigator.language")).isEqualTo("es-ES");
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING).textContent()).isEqualTo("Hola");
            Path shot = Screenshots.save(page, "chromium self test");
            assertThat(shot).hasFileName("chromium-self-test.png");
            assertThat(Files.exists(shot)).isTrue();
        }
    }
}
