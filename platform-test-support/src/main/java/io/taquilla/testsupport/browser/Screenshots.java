package io.taquilla.testsupport.browser;

import java.nio.file.Path;
import com.microsoft.playwright.Page;

/**
 * Full-page screenshots for people to review, under {@code target/screenshots/} of the module
 * running the test (override with {@code -Dtaquilla.screenshots.dir=...}).
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("taquilla.screenshots.dir", "target/screenshots"));
    }

    /** Saves {@code <directory>/<name>.png} and returns its path. */
    public static Path save(Page page, String name) {
        Path file = directory().resolve(name.replaceAll("[^A-Za-z0-9._-]", "-") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
