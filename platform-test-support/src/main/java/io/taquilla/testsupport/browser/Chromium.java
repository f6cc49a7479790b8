package io.taquilla.testsupport.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * The system Chromium for browser tests. Nothing is downloaded at run time: Playwright drives the
 * browser the machine has ({@code TAQUILLA_CHROMIUM}, else {@code /usr/bin/chromium} and friends).
 * Without one the test is skipped with a printed line, unless {@code CI} is set: there a missing
 * browser is a broken build ({@code .ci/run} installs it).
 */
public final class Chromium {

    /** Flags that keep a headless Chromium quiet and working as root on a small machine. */
    public static final List<String> ARGS = List.of(
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run");

    private static final List<String> CANDIDATES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");

    private Chromium() {
    }

    /** Where the browser is, if there is one. */
    public static Optional<Path> find() {
        String configured = System.getenv("TAQUILLA_CHROMIUM");
        return Stream.concat(Stream.ofNullable(configured), CANDIDATES.stream())
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * The browser's path; aborts the calling test (skipped, with a printed line) when there is
     * none, or fails it when the {@code CI} environment variable is set.
     */
    public static Path requireOrSkip() {
        Optional<Path> chromium = find();
        if (chromium.isPresent()) {
            return chromium.get();
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail("CI is set but no Chromium was found (tried TAQUILLA_CHROMIUM, " + CANDIDATES
                    + "); .ci/run installs it with apt-get");
        }
        String line = "Browser tests skipped: no Chromium found (tried TAQUILLA_CHROMIUM, " + CANDIDATES
                + "). Install it with: apt-get install -y chromium";
        System.out.println(line);
        Assumptions.abort(line);
        throw new IllegalStateException("unreachable");
    }

    /** Starts Playwright and a headless system Chromium with {@link #ARGS}. */
    public static BrowserSession launch() {
        return launch(List.of());
    }

    /** Same as {@link #launch()}, with extra Chromium flags (a fake camera, for example). */
    public static BrowserSession launch(List<String> extraArgs) {
        Path executable = requireOrSkip();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            List<String> args = new ArrayList<>(ARGS);
            args.addAll(extraArgs);
            return new BrowserSession(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(args)));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }
}
