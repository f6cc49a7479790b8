package io.taquilla.testsupport.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;

/** A running Playwright with one headless Chromium; close it once (for example in {@code @AfterAll}). */
public final class BrowserSession implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;

    BrowserSession(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public Browser browser() {
        return browser;
    }

    /** A fresh context (own cookies and storage) at the given viewport and browser locale. */
    public BrowserContext newContext(Viewport viewport, String locale) {
        return newContext(viewport, locale, new Browser.NewContextOptions());
    }

    /** Same, starting from the caller's options (permissions, base URL, ...). */
    public BrowserContext newContext(Viewport viewport, String locale, Browser.NewContextOptions options) {
        options.setViewportSize(viewport.width(), viewport.height()).setLocale(locale);
        if (viewport.mobile()) {
            options.setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
        }
        return browser.newContext(options);
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
