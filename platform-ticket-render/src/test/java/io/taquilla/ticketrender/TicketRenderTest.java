package io.taquilla.ticketrender;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TicketRenderTest {

    private static final EventDetails MADRID = new EventDetails("Perreo Fridays", "Sala Apolo", "Carrer Nou de la Rambla 113",
            "Barcelona", Instant.parse("2026-01-16T22:30:00Z"), ZoneId.of("Europe/Madrid"));

    @Test
    void theQrPngDecodesBackToTheToken() throws Exception {
        String token = "v1.k7." + "A".repeat(40) + "." + "b_-9".repeat(22);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.png(token)));
        assertThat(image.getWidth()).isEqualTo(QrCode.SIZE_PX);
        assertThat(decode(image)).isEqualTo(token);
    }

    @Test
    void timesPrintInTheVenuesZoneAndTheBuyersLanguage() {
        // 22:30 UTC is 23:30 in Barcelona in January (CET).
        assertThat(MADRID.when(TicketLanguage.EN)).contains("Friday", "January 16, 2026", "11:30", "PM", "CET");
        assertThat(MADRID.when(TicketLanguage.ES)).contains("viernes", "16 de enero de 2026", "23:30", "CET");
        EventDetails noZone = new EventDetails("X", null, null, null, Instant.parse("2026-01-16T22:30:00Z"), null);
        assertThat(noZone.when(TicketLanguage.EN)).contains("10:30", "UTC");
    }

    @Test
    void languageTagsFallBackToEnglish() {
        assertThat(TicketLanguage.of("es-MX")).isEqualTo(TicketLanguage.ES);
        assertThat(TicketLanguage.of("es")).isEqualTo(TicketLanguage.ES);
        assertThat(TicketLanguage.of("fr-FR")).isEqualTo(TicketLanguage.EN);
        assertThat(TicketLanguage.of(null)).isEqualTo(TicketLanguage.EN);
        assertThat(TicketLanguage.of("not a tag!")).isEqualTo(TicketLanguage.EN);
        assertThat(EventDetails.zoneOf("Mars/Olympus")).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void thePdfHasAPagePerTicketInTheBuyersLanguageAndItsQrCodesDecode() throws Exception {
        String longName = "Концерт 🎸 " + "Very long festival name ".repeat(10);
        EventDetails event = new EventDetails(longName, MADRID.venueName(), MADRID.venueAddress(), MADRID.venueCity(),
                MADRID.startsAt(), MADRID.zone());
        List<RenderedTicket> tickets = List.of(ticket(event, "Zoë", "tok-1"), ticket(event, "Łukasz", "tok-2"),
                ticket(event, "Ana", "tok-3"));
        byte[] pdf = TicketPdf.render(tickets, TicketLanguage.ES);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Sala Apolo", "Carrer Nou de la Rambla 113", "Zoë", "?ukasz", "TQ-AB-",
                    "Very long festival", "...", "16 de enero de 2026", "23:30", "Titular", "Número de entrada",
                    "Entrada 3 de 3");
            org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image = (org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject)
                    document.getPage(1).getResources().getXObject(
                            document.getPage(1).getResources().getXObjectNames().iterator().next());
            assertThat(decode(image.getImage())).isEqualTo("tok-2");
        }
    }

    @Test
    void theCalendarEntryIsInTheVenuesZoneWithItsDefinition() {
        String ics = EventCalendar.ics("order-1@taquilla", MADRID, "2 tickets; bring ID, please",
                "https://tickets.example/tickets?order=1&token=abc", Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("DTSTART;TZID=Europe/Madrid:20260116T233000\r\n", "TZID:Europe/Madrid\r\n",
                "TZOFFSETTO:+0100\r\n", "SUMMARY:Perreo Fridays\r\n", "UID:order-1@taquilla\r\n",
                "DTSTAMP:20260101T100000Z\r\n", "2 tickets\\; bring ID\\, please");
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("LOCATION:Sala Apolo\\, Carrer Nou de la Rambla 113\\, Barcelona");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void utcEventsNeedNoTimezoneDefinition() {
        EventDetails utc = new EventDetails("X", null, null, null, Instant.parse("2026-07-01T18:00:00Z"), null);
        String ics = EventCalendar.ics("u", utc, null, null, Instant.parse("2026-01-01T10:00:00Z"));
        assertThat(ics).contains("DTSTART:20260701T180000Z").doesNotContain("VTIMEZONE", "LOCATION", "DESCRIPTION");
    }

    private static RenderedTicket ticket(EventDetails event, String holder, String token) {
        return RenderedTicket.of(new TicketFace(event, "VIP", holder, "TQ-AB-20260116-" + holder.hashCode(), token));
    }

    private static String decode(BufferedImage image) throws Exception {
        // A drawn code, not a camera frame: read it as the pure barcode it is.
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }
}
