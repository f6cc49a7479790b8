package io.taquilla.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import io.taquilla.contracts.common.Customer;
import io.taquilla.contracts.common.Money;
import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class TicketRenderingTest {

    @Test
    void theQrPngDecodesBackToTheToken() throws Exception {
        String token = "v1.k7." + "A".repeat(40) + "." + "b_-9".repeat(22);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCodes.png(token)));
        assertThat(image.getWidth()).isEqualTo(QrCodes.SIZE_PX);
        String decoded = new MultiFormatReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                        // A rendered PNG, not a camera frame: ZXing's camera-oriented finder-pattern search misses ~1.5 % of
                        // perfectly drawn codes, so read it as the pure barcode it is.
                        java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        assertThat(decoded).isEqualTo(token);
    }

    @Test
    void thePdfHasAPagePerTicketAndSurvivesTextTheStandardFontsCannotShow() throws Exception {
        String longName = "Концерт 🎸 " + "Very long festival name ".repeat(10);
        TicketsIssued issued = new TicketsIssued(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), UUID.randomUUID(),
                longName, "Razzmatazz", Instant.parse("2026-03-01T21:30:00Z"), new Customer("a@example.com", "Zoë", null),
                List.of(ticket("Zoë"), ticket("Łukasz"), ticket("Ana")));
        byte[] pdf = TicketPdf.render(issued);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Razzmatazz", "Zoë", "TQ-AB-20260301-", "Very long festival", "...",
                    "Sun 1 Mar 2026, 21:30 UTC");
        }
    }

    private static IssuedTicket ticket(String holder) {
        return new IssuedTicket(UUID.randomUUID(), "TQ-AB-20260301-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID(), "VIP", holder, new Money(9900, "EUR"), "token-" + holder);
    }
}
