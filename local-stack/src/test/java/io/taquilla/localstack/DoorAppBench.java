package io.taquilla.localstack;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Door app figures (a benchmark, not a test): in headless Chromium against the packaged stack,
 * <ol>
 *   <li>code in front of the camera → verdict on screen: the fake camera plays 1.5 s of an empty
 *       frame then 1.5 s of a ticket's QR, looped; the page notes the first video frame showing the
 *       code and the moment the verdict appears (online: server verdict; offline: on the phone);</li>
 *   <li>offline data for 50,000 tickets: bytes on the wire (bundle + roster), download + store in
 *       IndexedDB + index, and the reload from IndexedDB;</li>
 *   <li>in-browser verification cost per scan (WebCrypto Ed25519) and decode cost per frame.</li>
 * </ol>
 * <pre>./taquilla bench door-app</pre> (stack on ports 29080+, {@code -Dbench.scans=30})
 */
public final class DoorAppBench {

    private static final Path DIR = Paths.get("target", "door-app-bench");

    private DoorAppBench() {
    }

    public static void main(String[] args) throws Exception {
        int scans = Integer.getInteger("bench.scans", 30);
        int tickets = Integer.getInteger("bench.tickets", 50_000);
        try (LocalStack stack = LocalStack.start(LocalStackAccess.home(), new StackLayout(Integer.getInteger("bench.base", 29080)), null)) {
            String origin = stack.layout.gatewayUrl();
            String door = stack.doorToken();
            DoorTickets shop = new DoorTickets(stack.routes());
            DoorTickets.Ticket ticket = shop.buy(1, "Bench Camera", door).get(0);
            Path y4m = FakeCamera.showing(DIR.resolve("blink.y4m"), ticket.qr(), 15, 15);
            List<String> lines = new ArrayList<>();
            try (DoorBrowser chromium = DoorBrowser.launch(y4m); BrowserContext phone = chromium.phone(origin)) {
                Page page = signIn(phone, origin, door, shop.eventId);
                List<Double> online = cameraToVerdict(page, scans);
                phone.setOffline(true);
                List<Double> offline = cameraToVerdict(page, scans);
                phone.setOffline(false);
                lines.add(row("camera → verdict, online (server verdict)", online));
                lines.add(row("camera → verdict, offline (verified on the phone)", offline));
                Object perScan = page.evaluate("async ([qr, n]) => {"
                        + " const t = await import('/door/js/token.js');"
                        + " const record = await (await import('/door/js/store.js')).store.get('bundles', JSON.parse(localStorage.getItem('door.setup')).eventId);"
                        + " const ring = await t.importKeys(record.bundle.keys);"
                        + " for (let i = 0; i < 200; i++) await t.verifyToken(qr, ring);"
                        + " const s = performance.now(); for (let i = 0; i < n; i++) await t.verifyToken(qr, ring);"
                        + " return (performance.now() - s) / n; }", List.of(ticket.qr(), 5000));
                lines.add(String.format(Locale.ROOT, "%-52s %8.3f ms (mean of 5,000, parse + Ed25519 verify)",
                        "verify one token in the browser", ((Number) perScan).doubleValue()));
                // The decoder on the main thread, on frames of the camera (with and without the code).
                Object decode = page.evaluate("async () => { const { decode } = await import('/door/decoder/qr-decoder.js');"
                        + " const v = document.getElementById('video'); const c = document.createElement('canvas'); c.width = 640; c.height = 480;"
                        + " const g = c.getContext('2d', {willReadFrequently: true}); const times = []; let read = 0;"
                        + " for (let i = 0; i < 60; i++) { await new Promise(r => v.requestVideoFrameCallback(r)); g.drawImage(v, 0, 0, 640, 480);"
                        + "   const d = g.getImageData(0, 0, 640, 480).data; const y = new Uint8Array(640 * 480);"
                        + "   for (let j = 0, p = 0; j < y.length; j++, p += 4) y[j] = (d[p] * 77 + d[p + 1] * 150 + d[p + 2] * 29) >> 8;"
                        + "   const s = performance.now(); if (decode(640, 480, y)) read++; times.push(performance.now() - s); }"
                        + " times.sort((a, b) => a - b); return [times[30], times[57], read]; }");
                List<?> d = (List<?>) decode;
                lines.add(String.format(Locale.ROOT, "%-52s median %.1f ms  p95 %.1f ms  (%s of 60 frames held a code)",
                        "decode one 640x480 frame (TeaVM ZXing)", ((Number) d.get(0)).doubleValue(), ((Number) d.get(1)).doubleValue(), d.get(2)));
            }
            addTickets(stack, shop.eventId, tickets);
            Http http = new Http();
            Map<String, String> auth = Map.of("Authorization", "Bearer " + door);
            String bundle = http.get(stack.routes().url("/api/events/" + shop.eventId + "/offline-bundle"), auth).body();
            String roster = http.get(stack.routes().url("/api/door/events/" + shop.eventId + "/roster"), auth).body();
            lines.add(String.format(Locale.ROOT, "%-52s %,d B (gzip %,d B) + roster %,d B (gzip %,d B)",
                    "offline data, " + tickets + " tickets", bundle.length(), gzip(bundle), roster.length(), gzip(roster)));
            try (DoorBrowser chromium = DoorBrowser.launch(null); BrowserContext phone = chromium.phone(origin)) {
                Page page = phone.newPage();
                page.navigate(origin + "/door/");
                page.evaluate("t => localStorage.setItem('door.auth', JSON.stringify({mode: 'dev', accessToken: t}))", door);
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    Object t = page.evaluate("async id => { const o = await import('/door/js/offline.js');"
                            + " const s = await import('/door/js/store.js'); await s.store.delete('bundles', id);"
                            + " let t0 = performance.now(); await o.openEvent(id); await o.refreshBundle(); const cold = performance.now() - t0;"
                            + " t0 = performance.now(); await o.openEvent(id); const warm = performance.now() - t0;"
                            + " return [cold, warm, o.bundleInfo().tickets]; }", shop.eventId);
                    List<?> r = (List<?>) t;
                    cold.add(((Number) r.get(0)).doubleValue());
                    warm.add(((Number) r.get(1)).doubleValue());
                }
                lines.add(row("offline data: download + IndexedDB + index (cold)", cold));
                lines.add(row("offline data: reload from IndexedDB + index", warm));
            }
            System.out.println();
            System.out.println("Door app (headless Chromium " + "156" + ", phone viewport, local stack)");
            lines.forEach(System.out::println);
        }
        System.exit(0);
    }

    static Page signIn(BrowserContext context, String origin, String token, String eventId) {
        Page page = context.newPage();
        page.navigate(origin + "/door/");
        page.getByLabel("Door token").fill(token);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this token")).click();
        page.getByLabel("Event").selectOption(eventId);
        page.getByLabel("Gate").fill("bench");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start scanning")).click();
        page.waitForFunction("() => document.getElementById('banner').textContent.includes('tickets')");
        return page;
    }

    /**
     * In the page: a frame watcher notes when the video turns from the empty picture to the code
     * (the centre-left of the frame goes from flat grey to black and white), a MutationObserver
     * notes when the verdict shows, and the verdict is dismissed at once so the next cycle counts.
     */
    static List<Double> cameraToVerdict(Page page, int count) {
        Object result = page.evaluate("n => new Promise(resolve => {"
                + " const video = document.getElementById('video'); const verdict = document.getElementById('verdict');"
                + " const c = document.createElement('canvas'); c.width = 64; c.height = 48; const g = c.getContext('2d', {willReadFrequently: true});"
                + " let codeSince = null; const out = [];"
                + " const watch = (now) => { g.drawImage(video, 0, 0, 64, 48); const d = g.getImageData(22, 14, 28, 20).data;"
                + "   let min = 255, max = 0; for (let i = 0; i < d.length; i += 4) { min = Math.min(min, d[i]); max = Math.max(max, d[i]); }"
                + "   const code = max - min > 60; if (code && codeSince === null) codeSince = performance.now(); if (!code) codeSince = null;"
                + "   if (out.length < n) video.requestVideoFrameCallback(watch); };"
                + " video.requestVideoFrameCallback(watch);"
                + " new MutationObserver(() => { if (!verdict.hidden && codeSince !== null) { out.push(performance.now() - codeSince); codeSince = -1e12;"
                + "   setTimeout(() => verdict.click(), 50); if (out.length >= n) resolve(out); } })"
                + "   .observe(verdict, {attributes: true, attributeFilter: ['hidden']}); })", count);
        List<Double> millis = new ArrayList<>();
        for (Object o : (List<?>) result) {
            double v = ((Number) o).doubleValue();
            if (v > 0 && v < 10_000) {
                millis.add(v);
            }
        }
        return millis;
    }

    /** 50,000 tickets straight into the scanner's cache table (5 % used, 1 % revoked): what a big event's door downloads. */
    static void addTickets(LocalStack stack, String eventId, int count) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.infrastructure.jdbcUrl(), "scanning", "scanning");
             Statement s = c.createStatement()) {
            s.execute("set search_path to scanning");
            s.execute("insert into ticket (ticket_id, catalog_event_id, order_id, ticket_type_id, ticket_type_name, ticket_number,"
                    + " holder_name, issued, status, checked_in_at, checked_in_gate, checked_in_device)"
                    + " select gen_random_uuid(), '" + eventId + "', gen_random_uuid(), gen_random_uuid(),"
                    + " case when i % 5 = 0 then 'VIP' else 'General Admission' end,"
                    + " 'TQ-PF-20260115-' || upper(substr(md5(i::text), 1, 8)), 'Bench Guest ' || i, true,"
                    + " case when i % 100 = 0 then 'REVOKED' else 'VALID' end,"
                    + " case when i % 20 = 1 then now() end, case when i % 20 = 1 then 'north' end, case when i % 20 = 1 then 'bench' end"
                    + " from generate_series(1, " + count + ") as i");
        }
    }

    static int gzip(String text) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.size();
    }

    static String row(String what, List<Double> millis) {
        if (millis.isEmpty()) {
            return String.format(Locale.ROOT, "%-52s no samples", what);
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%-52s n=%d  median %.0f ms  p95 %.0f ms  max %.0f ms", what, sorted.size(),
                pct(sorted, 0.5), pct(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    static double pct(List<Double> sorted, double q) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)));
    }
}
