package io.taquilla.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.taquilla.contracts.Topics;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.contracts.ticketing.TicketsRevoked;
import io.taquilla.testsupport.IntegrationTest;
import io.taquilla.web.OrderAccessTokens;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** TicketsIssued on Kafka → one email in a real SMTP server (GreenMail), taken apart and checked. */
@IntegrationTest
class TicketEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Jdbi jdbi;
    @Autowired OrderAccessTokens orderTokens;

    @Test
    void ticketsArriveOnceWithInlineQrCodesThatDecodeToTheTokensAndAPdfWithAPagePerTicket() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        TicketsIssued issued = TestEvents.ticketsIssued(orderId, "Primavera Fest", "Ana García", email, null, 3);

        TestEvents.publishTickets(issued);

        DeliveryRows rows = new DeliveryRows(jdbi);
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));
        List<MimeMessage> received = TestMailServer.messagesTo(email);
        assertThat(received).hasSize(1);
        MimeMessage message = received.get(0);
        assertThat(message.getSubject()).isEqualTo("Your tickets for Primavera Fest");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(email);
        assertThat(message.getFrom()[0].toString()).contains("tickets@taquilla.local");
        assertThat(message.getMessageID()).contains("@taquilla.local");

        MimeParts parts = MimeParts.of(message);
        assertThat(parts.multipartTypes()).contains("multipart/mixed", "multipart/related", "multipart/alternative");
        String html = parts.html();
        String text = parts.plainText();
        // The purchase site's tickets page, not the raw API.
        String link = "https://tickets.example.test/tickets?order=" + orderId + "&token=" + orderTokens.tokenFor(orderId);
        // No venue time zone in this (older-shaped) event: the time prints in UTC.
        assertThat(html).contains("Primavera Fest", "Sala Apolo", "Saturday, January 17, 2026, 8:00 PM UTC", "Ana García",
                "/tickets?order&#x3D;" + orderId + "&amp;token&#x3D;" + orderTokens.tokenFor(orderId));
        assertThat(orderTokens.verify(orderId, link.substring(link.indexOf("token=") + 6))).isTrue();
        assertThat(text).contains("Primavera Fest", "Sala Apolo", link, "25.00 EUR");

        List<MimeParts.Leaf> images = parts.ofType("image/png");
        assertThat(images).hasSize(3);
        for (IssuedTicket ticket : issued.tickets()) {
            String contentId = "qr-" + ticket.ticketId();
            MimeParts.Leaf image = images.stream().filter(i -> ("<" + contentId + ">").equals(i.contentId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no inline image " + contentId));
            assertThat(image.disposition()).isEqualToIgnoringCase("inline");
            assertThat(html).contains("cid:" + contentId, ticket.ticketNumber());
            assertThat(text).contains(ticket.ticketNumber());
            assertThat(decodeQr(image.bytes())).isEqualTo(ticket.qrToken());
        }

        List<MimeParts.Leaf> pdfs = parts.ofType("application/pdf");
        assertThat(pdfs).hasSize(1);
        assertThat(pdfs.get(0).filename()).isEqualTo("tickets-" + orderId.toString().substring(0, 8).toUpperCase() + ".pdf");
        try (PDDocument pdf = Loader.loadPDF(pdfs.get(0).bytes())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= 3; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String pageText = stripper.getText(pdf);
                IssuedTicket ticket = issued.tickets().get(page - 1);
                assertThat(pageText).contains("Primavera Fest", "Sala Apolo", "General admission", ticket.ticketNumber(),
                        "Saturday, January 17, 2026, 8:00 PM UTC");
            }
        }
        assertThat(rows.publishedStatuses(orderId)).containsExactly("EMAIL:SENT");
    }

    @Test
    void aRedeliveredOrRepeatedTicketsIssuedSendsOneEmail() {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        TicketsIssued issued = TestEvents.ticketsIssued(orderId, "Sónar", "Joan", email, null, 1);
        DeliveryRows rows = new DeliveryRows(jdbi);

        TestEvents.publishTickets(issued);
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));

        // The same record again (same eventId), and the same order reissued under a new eventId.
        TestEvents.publishTickets(issued);
        TicketsIssued again = new TicketsIssued(UUID.randomUUID(), Instant.now(), orderId, issued.catalogEventId(),
                issued.eventName(), issued.venueName(), issued.eventStartsAt(), issued.customer(), issued.tickets());
        TestEvents.publishTickets(again);
        // Same key, so same partition: once this marker is in the inbox, both duplicates were processed.
        TicketsRevoked marker = new TicketsRevoked(UUID.randomUUID(), Instant.now(), orderId, issued.catalogEventId(),
                List.of(issued.tickets().get(0).ticketId()), "test marker");
        TestEvents.publish(Topics.TICKETING_TICKET, marker);
        await().atMost(WAIT).until(() -> rows.inboxHas(marker.eventId()));

        assertThat(rows.inboxHas(again.eventId())).isTrue();
        assertThat(rows.forOrder(orderId)).hasSize(1);
        assertThat(rows.status(orderId, "TICKETS", "EMAIL")).isEqualTo("SENT");
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
        assertThat(rows.publishedStatuses(orderId)).containsExactly("EMAIL:SENT");
    }

    @Test
    void scriptInTheEventOrBuyerNameIsEscapedInTheHtml() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        String script = "<script>alert(1)</script>";
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, script, script, email, null, 1));

        await().atMost(WAIT).until(() -> TestMailServer.messagesTo(email).size() == 1);
        MimeParts parts = MimeParts.of(TestMailServer.messagesTo(email).get(0));
        String html = parts.html();
        assertThat(html).doesNotContain("<script>").doesNotContain("</script>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(parts.message().getSubject()).isEqualTo("Your tickets for " + script);
        assertThat(parts.plainText()).contains(script);
    }

    @Test
    void smsIsRecordedAsSkippedWhenNoSmsProviderIsConfigured() {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        TestEvents.publishTickets(TestEvents.ticketsIssued(orderId, "Cruïlla", "Marta", email, "+34600111222", 2));
        DeliveryRows rows = new DeliveryRows(jdbi);

        await().atMost(WAIT).until(() -> "SKIPPED".equals(rows.status(orderId, "TICKETS", "SMS"))
                && "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));
        assertThat(rows.single(orderId, "TICKETS", "SMS")).containsEntry("recipient", "+34600111222")
                .containsEntry("attempts", 0);
        assertThat(rows.publishedStatuses(orderId)).containsExactlyInAnyOrder("SMS:SKIPPED", "EMAIL:SENT");
        assertThat(TestMailServer.messagesTo(email)).hasSize(1);
    }

    @Test
    void aSpanishBuyerGetsTheEmailAndPdfInSpanishWithTheTimeAtTheVenue() throws Exception {
        String email = TestEvents.email();
        UUID orderId = UUID.randomUUID();
        TicketsIssued english = TestEvents.ticketsIssued(orderId, "Perreo Fridays", "Lucía Pérez", email, null, 2);
        TicketsIssued issued = new TicketsIssued(english.eventId(), english.occurredAt(), orderId, english.catalogEventId(),
                english.eventName(), english.venueName(), english.eventStartsAt(), english.customer(), english.tickets(),
                "Carrer Nou de la Rambla 113", "Barcelona", "Europe/Madrid", "es");

        TestEvents.publishTickets(issued);

        DeliveryRows rows = new DeliveryRows(jdbi);
        await().atMost(WAIT).until(() -> "SENT".equals(rows.status(orderId, "TICKETS", "EMAIL")));
        MimeMessage message = TestMailServer.messagesTo(email).get(0);
        assertThat(message.getSubject()).isEqualTo("Tus entradas para Perreo Fridays");
        MimeParts parts = MimeParts.of(message);
        // 20:00 UTC is 21:00 in Barcelona in January.
        assertThat(parts.html()).contains("Hola, Lucía Pérez", "aquí tienes tus 2 entradas", "sábado, 17 de enero de 2026", "21:00 CET",
                "Sala Apolo, Carrer Nou de la Rambla 113, Barcelona", "Ver tus entradas");
        assertThat(parts.plainText()).contains("sábado, 17 de enero de 2026", "21:00 CET", "/tickets?order=" + orderId);
        MimeParts.Leaf pdf = parts.ofType("application/pdf").get(0);
        assertThat(pdf.filename()).startsWith("entradas-");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(new PDFTextStripper().getText(document)).contains("sábado, 17 de enero de 2026", "21:00 CET",
                    "Titular", "Número de entrada", "Entrada 2 de 2", "Carrer Nou de la Rambla 113");
        }
    }

    @Test
    void ticketsWithoutABuyerEmailAreNotRecorded() {
        UUID orderId = UUID.randomUUID();
        TicketsIssued issued = TestEvents.ticketsIssued(orderId, "Quiet", "Nobody", " ", null, 1);
        TestEvents.publishTickets(issued);
        DeliveryRows rows = new DeliveryRows(jdbi);
        await().atMost(WAIT).until(() -> rows.inboxHas(issued.eventId()));
        assertThat(rows.forOrder(orderId)).isEmpty();
    }

    static String decodeQr(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isBetween(380, 420);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        // A rendered PNG, not a camera frame: ZXing's camera-oriented finder-pattern search misses ~1.5 % of
                        // perfectly drawn codes, so read it as the pure barcode it is.
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                .getText();
    }
}
