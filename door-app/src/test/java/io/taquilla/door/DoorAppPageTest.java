package io.taquilla.door;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The door page in the system Chromium against a stub API: the camera path (Chromium's fake camera
 * plays a QR drawn with ZXing; the TeaVM-compiled decoder reads it) and the offline path (WebCrypto
 * Ed25519 verification of real tokens, local revoked/used state, queue, sync). The same page against
 * the real services: local-stack's DoorAppBrowserTest. Screenshots: target/door-app/.
 */
class DoorAppPageTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path APP = Paths.get("target", "classes", "door-app").toAbsolutePath();
    static final Path SHOTS = Paths.get("target", "door-app");
    static final LocatorAssertions.ContainsTextOptions SOON = new LocatorAssertions.ContainsTextOptions().setTimeout(30_000);
    static final UUID EVENT = UUID.randomUUID();
    static final UUID TYPE = UUID.randomUUID();
    static final byte[] KEY_ID = {0x0a, 0x1b, 0x2c, 0x3d};

    static KeyPair key;
    static final UUID CAMERA_TICKET = UUID.randomUUID();
    static final UUID OFFLINE_TICKET = UUID.randomUUID();
    static final UUID REVOKED_TICKET = UUID.randomUUID();

    @BeforeAll
    static void chromiumAndKey() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Chromium missing at " + CHROMIUM);
            }
            System.out.println("[door-app] SKIPPED: no Chromium at " + CHROMIUM);
            Assumptions.abort("no Chromium");
        }
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void theCameraReadsACodeAndOfflineScansAreVerifiedInThePageAndSynced() throws Exception {
        Map<String, Function<StubDoorServer.Call, String>> api = new HashMap<>();
        api.put("/door/config.json", c -> "{\"devLogin\":true}");
        api.put("/api/door/events", c -> "[{\"eventId\":\"" + EVENT + "\",\"name\":\"Stub Night\",\"startsAt\":\""
                + Instant.now().plus(Duration.ofHours(2)) + "\",\"status\":\"PUBLISHED\"}]");
        api.put("/api/events/" + EVENT + "/offline-bundle", c -> bundle());
        api.put("/api/door/events/" + EVENT + "/roster", c -> "{\"eventId\":\"" + EVENT + "\",\"version\":3,"
                + "\"types\":[\"General Admission\"],\"tickets\":[[\"" + CAMERA_TICKET + "\",\"TQ-ST-CAM\",0,\"Camera Guest\"],"
                + "[\"" + OFFLINE_TICKET + "\",\"TQ-ST-OFF\",0,\"Offline Guest\"],[\"" + REVOKED_TICKET + "\",\"TQ-ST-REV\",0,\"Refunded Guest\"]]}");
        String cameraCode = token(CAMERA_TICKET, EVENT);
        api.put("/api/scans", c -> c.body().contains(cameraCode)
                ? "{\"verdict\":\"ACCEPTED\",\"scannedAt\":\"" + Instant.now() + "\",\"ticket\":{\"ticketId\":\"" + CAMERA_TICKET
                + "\",\"ticketType\":\"General Admission\",\"ticketNumber\":\"TQ-ST-CAM\",\"holderName\":\"Camera Guest\"}}"
                : "{\"verdict\":\"REJECTED\",\"reason\":\"INVALID_SIGNATURE\",\"scannedAt\":\"" + Instant.now() + "\"}");
        api.put("/api/scans/sync", c -> syncAnswer(c.body()));

        Path y4m = y4m(SHOTS.resolve("stub-ticket.y4m"), cameraCode);
        try (StubDoorServer server = new StubDoorServer(APP, api); Playwright playwright = Playwright.create()) {
            try (Browser chromium = launch(playwright, y4m); BrowserContext phone = phone(chromium, server.origin())) {
                Page page = signIn(phone, server.origin());
                assertThat(verdict(page)).containsText("ACCEPTED", SOON);
                assertThat(verdict(page)).containsText("Camera Guest");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("stub-01-camera-accepted.png")));
                Assertions.assertThat(server.calls("/api/scans")).anySatisfy(call -> Assertions.assertThat(call.body())
                        .contains("\"qr\":\"" + cameraCode + "\"").contains("\"gate\":\"north\"").contains(EVENT.toString()));
            }
            try (Browser chromium = launch(playwright, null); BrowserContext phone = phone(chromium, server.origin())) {
                Page page = signIn(phone, server.origin());
                phone.setOffline(true);
                assertThat(page.locator("#banner")).containsText("Offline", SOON);
                String good = token(OFFLINE_TICKET, EVENT);
                typeCode(page, good.substring(0, 60) + (good.charAt(60) == 'A' ? 'B' : 'A') + good.substring(61));
                assertThat(verdict(page)).containsText("Not a valid ticket", SOON);
                dismiss(page);
                typeCode(page, token(REVOKED_TICKET, EVENT));
                assertThat(verdict(page)).containsText("cancelled or refunded", SOON);
                dismiss(page);
                typeCode(page, token(OFFLINE_TICKET, UUID.randomUUID()));
                assertThat(verdict(page)).containsText("another event", SOON);
                dismiss(page);
                typeCode(page, good);
                assertThat(verdict(page)).containsText("ACCEPTED", SOON);
                assertThat(verdict(page)).containsText("Offline Guest");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("stub-02-offline-accepted.png")));
                dismiss(page);
                typeCode(page, good);
                assertThat(verdict(page)).containsText("Already used at", SOON);
                assertThat(verdict(page)).containsText("gate north");
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("stub-03-offline-already-used.png")));
                dismiss(page);
                assertThat(page.locator("#banner")).containsText("Queue 5");
                Assertions.assertThat(server.calls("/api/scans/sync")).isEmpty();

                phone.setOffline(false);
                assertThat(page.locator("#banner")).containsText("Queue 0", SOON);
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    List<StubDoorServer.Call> syncs = server.calls("/api/scans/sync");
                    Assertions.assertThat(syncs).hasSize(1);
                    Assertions.assertThat(syncs.get(0).body()).contains(good).contains("\"deviceVerdict\":\"ACCEPTED\"")
                            .contains("\"deviceVerdict\":\"REJECTED\"");
                });
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("stub-04-synced.png")));
            }
        }
    }

    static Browser launch(Playwright playwright, Path camera) {
        List<String> args = new ArrayList<>(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"));
        if (camera != null) {
            args.add("--use-file-for-fake-video-capture=" + camera.toAbsolutePath());
        }
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true).setArgs(args));
    }

    static BrowserContext phone(Browser chromium, String origin) {
        BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
                .setDeviceScaleFactor(2).setHasTouch(true).setIsMobile(true).setLocale("en-GB").setTimezoneId("UTC"));
        context.grantPermissions(List.of("camera"), new BrowserContext.GrantPermissionsOptions().setOrigin(origin));
        return context;
    }

    static Page signIn(BrowserContext context, String origin) {
        Page page = context.newPage();
        page.navigate(origin + "/door/");
        String claims = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"stub-door\",\"roles\":[\"door\"],\"exp\":"
                + (Instant.now().getEpochSecond() + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        page.getByLabel("Door token").fill("eyJhbGciOiJIUzI1NiJ9." + claims + ".c2ln");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this token")).click();
        page.getByLabel("Event").selectOption(EVENT.toString());
        page.getByLabel("Gate").fill("north");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start scanning")).click();
        assertThat(page.locator("#banner")).containsText("3 tickets", SOON);
        return page;
    }

    static Locator verdict(Page page) {
        return page.getByRole(AriaRole.ALERT);
    }

    static void typeCode(Page page, String code) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Manual entry")).click();
        page.getByLabel("Code from a handheld scanner").fill(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check code")).click();
    }

    static void dismiss(Page page) {
        page.keyboard().press("Escape");
        assertThat(verdict(page)).isHidden();
    }

    static String bundle() {
        byte[] spki = key.getPublic().getEncoded();
        String publicKey = Base64.getEncoder().encodeToString(Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        return "{\"eventId\":\"" + EVENT + "\",\"version\":3,\"generatedAt\":\"" + Instant.now() + "\","
                + "\"event\":{\"name\":\"Stub Night\",\"status\":\"PUBLISHED\",\"opensAt\":\"" + Instant.now().minus(Duration.ofHours(1))
                + "\",\"closesAt\":\"" + Instant.now().plus(Duration.ofHours(12)) + "\"},"
                + "\"keys\":[{\"keyId\":\"0a1b2c3d\",\"algorithm\":\"Ed25519\",\"publicKey\":\"" + publicKey + "\",\"status\":\"ACTIVE\"}],"
                + "\"revokedTicketIds\":[\"" + REVOKED_TICKET + "\"],\"usedTicketIds\":[]}";
    }

    /** A token in ticketing's format (docs/services/ticketing-service.md), signed with the stub's key. */
    static String token(UUID ticket, UUID event) {
        try {
            ByteBuffer header = ByteBuffer.allocate(45);
            header.put((byte) 1).put(KEY_ID).putLong(ticket.getMostSignificantBits()).putLong(ticket.getLeastSignificantBits())
                    .putLong(event.getMostSignificantBits()).putLong(event.getLeastSignificantBits()).putLong(TYPE.getLeastSignificantBits());
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(header.array());
            byte[] signature = signer.sign();
            byte[] token = Arrays.copyOf(header.array(), 45 + signature.length);
            System.arraycopy(signature, 0, token, 45, signature.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String syncAnswer(String body) {
        Matcher nonce = Pattern.compile("\"nonce\":\"([^\"]+)\"").matcher(body);
        List<String> results = new ArrayList<>();
        while (nonce.find()) {
            results.add("{\"nonce\":\"" + nonce.group(1) + "\",\"verdict\":\"ACCEPTED\",\"duplicate\":false,\"conflict\":false}");
        }
        return "{\"received\":" + results.size() + ",\"results\":[" + String.join(",", results) + "]}";
    }

    /** Chromium's fake camera file: YUV4MPEG2 C420jpeg, a grey frame with the code. */
    static Path y4m(Path file, String text) throws Exception {
        int w = 640;
        int h = 480;
        BitMatrix code = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300);
        byte[] y = new byte[w * h];
        Arrays.fill(y, (byte) 90);
        for (int j = 0; j < code.getHeight(); j++) {
            for (int i = 0; i < code.getWidth(); i++) {
                y[(j + 90) * w + i + 170] = (byte) (code.get(i, j) ? 35 : 215);
            }
        }
        byte[] chroma = new byte[w * h / 4];
        Arrays.fill(chroma, (byte) 128);
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int f = 0; f < 10; f++) {
                out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                out.write(y);
                out.write(chroma);
                out.write(chroma);
            }
        }
        return file;
    }
}
