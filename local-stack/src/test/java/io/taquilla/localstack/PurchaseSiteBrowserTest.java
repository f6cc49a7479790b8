package io.taquilla.localstack;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.taquilla.testsupport.browser.BrowserSession;
import io.taquilla.testsupport.browser.Chromium;
import io.taquilla.testsupport.browser.Screenshots;
import io.taquilla.testsupport.browser.Viewport;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The purchase site in a real browser (system Chromium) against the packaged stack: a buyer finds
 * the event, orders, pays on the checkout page and gets working tickets; plus the unhappy paths.
 * Every page is checked with axe-core (no serious or critical violation) and screenshotted at
 * phone and desktop width under {@code target/screenshots/}.
 */
class PurchaseSiteBrowserTest {

    enum Screen {
        PHONE(Viewport.PHONE), DESKTOP(Viewport.DESKTOP);

        final Viewport viewport;

        Screen(Viewport viewport) {
            this.viewport = viewport;
        }
    }

    private static final LocatorAssertions.IsVisibleOptions SLOW = new LocatorAssertions.IsVisibleOptions().setTimeout(30_000);
    private static String site;
    private static String doorToken;
    private static BrowserSession browser;
    private static SiteEvents events;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        Chromium.requireOrSkip();
        if (Boolean.getBoolean("taquilla.test.attach")) {
            // A stack already running at taquilla.test.base (java -Dtaquilla.base=N -jar ... up, with
            // ORDER_HOLD_DURATION=40s): quick iterations on the site without restarting everything.
            site = new StackLayout(Integer.getInteger("taquilla.test.base", 18080)).gatewayUrl();
        } else {
            LocalStack stack = SharedStack.get();
            assertThat(stack.services.ports()).as("the purchase site needs the gateway").containsKey("api-gateway");
            site = stack.layout.gatewayUrl();
        }
        // Real tokens from identity-service: the seeded door account and the local script client.
        doorToken = LocalStack.doorLogin(site, site, "purchase-site browser test").get("access_token").asString();
        browser = Chromium.launch();
        events = new SiteEvents(Routes.gateway(site),
                new StaffTokens(site).clientCredentials(DemoData.CLI_CLIENT_ID, DemoData.CLI_CLIENT_SECRET));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
    }

    /** A buyer's browser: its own storage, a locale, and a time zone other than the venue's. */
    private Page open(Viewport viewport, String locale) {
        BrowserContext context = browser.newContext(viewport, locale, new Browser.NewContextOptions()
                .setBaseURL(site)
                .setTimezoneId("America/New_York")
                .setAcceptDownloads(true));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        return context.newPage();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aBuyerFindsPerreoFridaysBuysTwoTicketsPaysAndGetsWorkingTickets(Screen screen) throws Exception {
        String at = screen.name().toLowerCase();
        Page page = open(screen.viewport, "en-GB");

        page.navigate("/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Upcoming events"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perreo Fridays"))).isVisible();
        review(page, "events-" + at);
        page.getByLabel("Event name").fill("perreo");
        page.getByLabel("City").selectOption("Madrid");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        assertThat(page.getByText("1 event found")).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perreo Fridays")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Perreo Fridays").setLevel(1))).isVisible();
        JsonNode event = new Http().get(events.url("/api/events/" + DemoData.SLUG), Map.of()).json();
        String venueTime = DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(event.path("startsAt").asString()).atZone(ZoneId.of("Europe/Madrid")));
        assertThat(page.locator("main time").first()).containsText(venueTime);
        assertThat(page.getByText("Calle Mayor 1")).isVisible();
        assertThat(page.locator("[data-type] .ticket-type__left").first()).containsText("left");
        review(page, "event-" + at);

        page.getByLabel(Pattern.compile("^General Admission")).fill("2");
        page.getByLabel("Full name").fill("Ana García");
        page.getByLabel("Email address").fill("ana-" + at + "@example.com");
        assertThat(page.getByText(Pattern.compile("Total: US\\$50\\.00"))).isVisible();
        Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment"));
        submit.dblclick();

        page.waitForURL(Pattern.compile(".*/checkout\\?order=.*"));
        String orderId = page.url().replaceAll(".*order=", "");
        assertThat(page.getByRole(AriaRole.TIMER)).containsText("We are holding your tickets for");
        Locator pay = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay ")));
        assertThat(pay).isVisible(SLOW);
        review(page, "checkout-" + at);
        pay.click();

        page.waitForURL(Pattern.compile(".*/api/payments/simulator/checkout/.*"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay"))).click();

        page.waitForURL(Pattern.compile(".*/checkout/success\\?order=" + orderId + ".*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payment received: you are going!"))).isVisible(SLOW);
        Locator qrs = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("^QR code for ticket")));
        assertThat(qrs).hasCount(2);
        waitForImages(page);
        review(page, "success-" + at);

        String token = orderToken(page, orderId);
        assertThat(events.order(orderId, token).path("lines").get(0).path("quantity").asInt())
                .as("the double click made one order of 2").isEqualTo(2);
        List<String> issued = new ArrayList<>();
        events.tickets(orderId, token).path("tickets").forEach(t -> issued.add(t.path("qrToken").asString()));
        List<String> decoded = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            byte[] png = page.context().request().get(qrs.nth(i).getAttribute("src")).body();
            decoded.add(decode(png));
        }
        assertThat(decoded).as("the QR codes on the page carry the issued tokens").containsExactlyInAnyOrderElementsOf(issued);

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download tickets (PDF)")).click());
        byte[] pdf = Files.readAllBytes(download.path());
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // Valid tokens: the door accepts each one.
        Map<String, String> door = Map.of("Authorization", "Bearer " + doorToken);
        for (String qr : decoded) {
            JsonNode scan = new Http().post(events.url("/api/scans"), door,
                    Map.of("qr", qr, "eventId", event.path("id").asString(), "gate", "A")).json();
            assertThat(scan.path("verdict").asString()).as(scan.toString()).isEqualTo("ACCEPTED");
        }

        // The email's "View your tickets" link.
        page.navigate("/tickets?order=" + orderId + "&token=" + token);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your tickets").setLevel(1))).isVisible();
        assertThat(qrs).hasCount(2);
        if (!events.tickets(orderId, token).path("calendarPath").asString("").isBlank()) {
            Locator calendar = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add to calendar"));
            assertThat(calendar).isVisible();
            com.microsoft.playwright.APIResponse ics = page.context().request().get(calendar.getAttribute("href"));
            assertThat(ics.status()).isEqualTo(200);
            assertThat(ics.text()).contains("BEGIN:VCALENDAR");
        }
        waitForImages(page);
        review(page, "tickets-" + at);
    }

    @Test
    void theEventSellsOutWhileTheBuyerIsOnThePage() {
        SiteEvents.Created tiny = events.create("Tiny Gig", Instant.now().minus(Duration.ofHours(1)),
                List.of(SiteEvents.type("FRONT", "Front row", 3000, 2), SiteEvents.type("STAND", "Standing", 1500, 50)));
        Page page = open(Viewport.DESKTOP, "en-GB");
        page.navigate("/events/" + tiny.slug());
        Locator front = page.locator("[data-type='" + tiny.typeIds().get("FRONT") + "'] .ticket-type__left");
        assertThat(front).hasText("2 left");

        page.getByLabel(Pattern.compile("^Front row")).fill("2");
        page.getByLabel("Full name").fill("Luis Pérez");
        page.getByLabel("Email address").fill("luis@example.com");
        assertThat(events.buy(tiny.id(), tiny.typeIds().get("FRONT"), 1)).isEqualTo(201);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();

        Locator summary = page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("There is a problem"));
        assertThat(summary).containsText("Only 1 Front row tickets are left");
        assertThat(page.locator("#qty-front-error")).containsText("Only 1 Front row tickets are left");
        assertThat(page.getByLabel(Pattern.compile("^Front row"))).hasAttribute("aria-invalid", "true");

        assertThat(events.buy(tiny.id(), tiny.typeIds().get("FRONT"), 1)).isEqualTo(201);
        assertThat(front).hasText("Sold out", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        review(page, "event-sold-out-desktop");
    }

    @Test
    void anEventNotOnSaleYetShowsWhenSalesStart() {
        Instant salesStart = Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        SiteEvents.Created later = events.create("Later Show", salesStart, List.of(SiteEvents.type("GA", "General", 2000, 10)));
        for (Screen screen : Screen.values()) {
            Page page = open(screen.viewport, "en-GB");
            page.navigate("/events/" + later.slug());
            String localStart = DateTimeFormatter.ofPattern("HH:mm").format(salesStart.atZone(ZoneId.of("Europe/Madrid")));
            assertThat(page.getByText(Pattern.compile("^Tickets go on sale on .*" + localStart))).isVisible();
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment"))).hasCount(0);
            review(page, "event-not-on-sale-" + screen.name().toLowerCase());
        }
    }

    @Test
    void invalidInputIsExplainedNextToEachFieldAndInASummary() {
        for (Screen screen : Screen.values()) {
            Page page = open(screen.viewport, "en-GB");
            page.navigate("/events/" + DemoData.SLUG);
            Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment"));
            submit.click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Choose at least one ticket");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Enter your full name");

            page.getByLabel(Pattern.compile("^VIP")).fill("11");
            page.getByLabel(Pattern.compile("^General Admission")).fill("two");
            page.getByLabel("Email address").fill("not-an-email");
            page.getByLabel("Mobile phone number (optional)").fill("abc");
            submit.click();
            Locator summary = page.getByRole(AriaRole.ALERT);
            assertThat(summary).containsText("You can buy up to 10 VIP tickets in one order");
            assertThat(summary).containsText("Enter the number of General Admission tickets as a whole number");
            assertThat(summary).containsText("Enter your full name");
            assertThat(summary).containsText("Enter an email address in the correct format");
            assertThat(summary).containsText("Enter a phone number with its country code");
            assertThat(page.locator("#email-error")).containsText("Error: Enter an email address in the correct format");
            assertThat(page.getByLabel("Email address")).hasAttribute("aria-invalid", "true");
            review(page, "event-form-errors-" + screen.name().toLowerCase());

            summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter your full name")).click();
            assertThat(page.getByLabel("Full name")).isFocused();
        }
    }

    @Test
    void theHoldExpiresBeforeTheBuyerPays() {
        Page page = open(Viewport.PHONE, "en-GB");
        String orderId = orderOnce(page, "late@example.com");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your hold has ended")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(70_000));
        assertThat(page.getByText("Nothing was charged")).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose tickets again"))).isVisible();
        String token = orderToken(page, orderId);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> events.order(orderId, token).path("status").asString(), "EXPIRED"::equals);
        review(page, "checkout-expired-phone");
        page.navigate("/checkout/cancelled?order=" + orderId);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your hold has ended"))).isVisible();
    }

    @Test
    void checkoutCancelledThenPaidAgain() {
        for (Screen screen : Screen.values()) {
            Page page = open(screen.viewport, "en-GB");
            String orderId = orderOnce(page, "again-" + screen.name().toLowerCase() + "@example.com");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay "))).click(new Locator.ClickOptions().setTimeout(30_000));
            page.waitForURL(Pattern.compile(".*/api/payments/simulator/checkout/.*"));
            // Stripe's "back" arrow goes to the cancel URL; the simulator page has no such link.
            page.navigate("/checkout/cancelled?order=" + orderId);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payment cancelled"))).isVisible();
            assertThat(page.getByRole(AriaRole.TIMER)).containsText("Your tickets are still held for");
            assertThat(page.getByText(Pattern.compile("The tickets go back on sale at \\d"))).isVisible();
            review(page, "cancelled-" + screen.name().toLowerCase());

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pay again")).click();
            page.waitForURL(Pattern.compile(".*/api/payments/simulator/checkout/.*"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Pay"))).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Payment received: you are going!"))).isVisible(SLOW);
            assertThat(page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("^QR code for ticket")))).hasCount(1);
        }
    }

    @Test
    void spanishFromTheBrowserWithASwitchToEnglish() {
        for (Screen screen : Screen.values()) {
            String at = screen.name().toLowerCase();
            Page page = open(screen.viewport, "es-ES");
            page.navigate("/");
            assertThat(page.locator("html")).hasAttribute("lang", "es");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Próximos eventos"))).isVisible();
            review(page, "events-es-" + at);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Perreo Fridays")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Comprar entradas"))).isVisible();
            JsonNode event = new Http().get(events.url("/api/events/" + DemoData.SLUG), Map.of()).json();
            String month = Instant.parse(event.path("startsAt").asString()).atZone(ZoneId.of("Europe/Madrid")).getMonth()
                    .getDisplayName(TextStyle.FULL, Locale.forLanguageTag("es"));
            assertThat(page.locator("main time").first()).containsText(month);
            assertThat(page.getByText("50,00 US$").first()).isVisible();
            assertThat(page.getByText("Continuar al pago")).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continuar al pago")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Elige al menos una entrada");
            review(page, "event-es-" + at);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("View this page in English")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Buy tickets"))).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "en");
        }
    }

    @Test
    void theOtherPagesRenderAndPassAxe() {
        for (Screen screen : Screen.values()) {
            String at = screen.name().toLowerCase();
            Page page = open(screen.viewport, "en-GB");
            page.navigate("/tickets/resend");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Resend my tickets"))).isVisible();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my tickets")).click();
            assertThat(page.locator("#email-error")).containsText("Enter your email address");
            review(page, "resend-" + at);

            page.navigate("/newsletter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Newsletter"))).isVisible();
            review(page, "newsletter-" + at);

            page.navigate("/newsletter/confirm?token=abc");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm subscription"))).isVisible();
            review(page, "newsletter-confirm-" + at);

            page.navigate("/newsletter/unsubscribe?token=abc");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe me"))).isVisible();
            review(page, "newsletter-unsubscribe-" + at);

            page.navigate("/tickets/" + UUID.randomUUID() + "?token=wrong");
            assertThat(page.getByText(Pattern.compile("We could not open these tickets"))).isVisible();
            review(page, "tickets-bad-link-" + at);

            page.navigate("/events/no-such-event");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We could not find this event. It may have been removed."))).isVisible();
            review(page, "event-not-found-" + at);
        }
    }

    /** Orders one GA ticket for Perreo Fridays through the form; returns the order id, on the checkout page. */
    private String orderOnce(Page page, String email) {
        page.navigate("/events/" + DemoData.SLUG);
        page.getByLabel(Pattern.compile("^General Admission")).fill("1");
        page.getByLabel("Full name").fill("Buyer " + email);
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue to payment")).click();
        page.waitForURL(Pattern.compile(".*/checkout\\?order=.*"));
        return page.url().replaceAll(".*order=", "");
    }

    private static String orderToken(Page page, String orderId) {
        Object saved = page.evaluate("id => JSON.parse(localStorage.getItem('taquilla.order.' + id)).token", orderId);
        return String.valueOf(saved);
    }

    private static void waitForImages(Page page) {
        page.waitForFunction("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
    }

    private static double kb(Object bytes) {
        return ((Number) bytes).doubleValue() / 1024;
    }

    private static String decode(byte[] png) throws Exception {
        var image = ImageIO.read(new ByteArrayInputStream(png));
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        // The image is nothing but the code and its quiet zone: PURE_BARCODE reads it exactly.
        Map<com.google.zxing.DecodeHintType, Object> pure = Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                com.google.zxing.DecodeHintType.POSSIBLE_FORMATS, List.of(com.google.zxing.BarcodeFormat.QR_CODE));
        try {
            return new MultiFormatReader().decode(bitmap, pure).getText();
        } catch (com.google.zxing.NotFoundException e) {
            return new MultiFormatReader().decode(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }

    /**
     * Screenshot for people, axe-core for machines (no serious or critical violation), and the
     * page's weight as the browser loaded it: no page may ship more than 100 KB of JavaScript.
     */
    private static void review(Page page, String name) {
        Screenshots.save(page, name);
        @SuppressWarnings("unchecked")
        Map<String, Object> weight = (Map<String, Object>) page.evaluate("""
                () => {
                  const all = performance.getEntriesByType('resource');
                  const js = all.filter(e => new URL(e.name).pathname.endsWith('.js'));
                  const sum = (list, key) => list.reduce((total, e) => total + e[key], 0);
                  const nav = performance.getEntriesByType('navigation')[0];
                  return { js: sum(js, 'decodedBodySize'), jsWire: sum(js, 'encodedBodySize'), files: js.length,
                           total: sum(all, 'decodedBodySize') + nav.decodedBodySize,
                           totalWire: sum(all, 'encodedBodySize') + nav.encodedBodySize };
                }""");
        String line = String.format("%-32s JS %5.1f KB (%4.1f KB gzip, %s files), page total %6.1f KB (%5.1f KB over the wire)",
                name, kb(weight.get("js")), kb(weight.get("jsWire")), weight.get("files"), kb(weight.get("total")), kb(weight.get("totalWire")));
        System.out.println("[page-weight] " + line);
        try {
            Files.createDirectories(Screenshots.directory());
            Files.writeString(Screenshots.directory().resolve("page-weights.txt"), line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(kb(weight.get("js"))).as(name + " JavaScript KB").isLessThanOrEqualTo(100.0);
        List<Rule> bad = new AxeBuilder(page).analyze().getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertThat(bad).as(() -> name + ": " + bad.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
    }
}
