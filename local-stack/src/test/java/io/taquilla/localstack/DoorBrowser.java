package io.taquilla.localstack;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The system Chromium through Playwright for Java (no browser download), phone-sized, with
 * Chromium's fake camera — playing a {@code .y4m} file when one is given. Skips (with a printed
 * line) when Chromium is missing and {@code CI} is not set; on CI a missing browser fails.
 *
 * <p>Small and local to this test on purpose: replace with platform-test-support's launcher
 * ({@code io.taquilla.testsupport.browser}) once it lands.
 */
final class DoorBrowser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    private final Playwright playwright;
    final Browser browser;

    private DoorBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static void assumeChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Chromium is missing at " + CHROMIUM + " (CI must install it: apt-get install chromium)");
            }
            System.out.println("[door-app] SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install chromium)");
            Assumptions.abort("no Chromium at " + CHROMIUM);
        }
    }

    /** @param camera a .y4m file the fake camera plays in a loop, or null for Chromium's test pattern */
    static DoorBrowser launch(Path camera) {
        assumeChromium();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--autoplay-policy=no-user-gesture-required"));
        if (camera != null) {
            args.add("--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        }
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true).setArgs(args));
        return new DoorBrowser(playwright, browser);
    }

    /** A phone: 390×844, touch, camera allowed for the stack's origin. */
    BrowserContext phone(String origin) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT).setDeviceScaleFactor(2).setHasTouch(true).setIsMobile(true)
                .setLocale("en-GB").setTimezoneId("UTC"));
        context.grantPermissions(List.of("camera"), new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
        return context;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
