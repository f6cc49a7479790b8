package io.taquilla.notification.render;

import io.taquilla.contracts.ticketing.IssuedTicket;
import io.taquilla.contracts.ticketing.TicketsIssued;
import io.taquilla.notification.delivery.domain.Formats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The printable tickets of an order: one A5 page per ticket with event, date, venue, ticket type,
 * holder, ticket number and the QR code. Uses the PDF standard fonts (no font files to ship), so
 * characters outside WinAnsi are replaced by '?'.
 */
public final class TicketPdf {

    private static final PDRectangle PAGE = PDRectangle.A5;
    private static final float MARGIN = 36;

    private TicketPdf() {
    }

    public static byte[] render(TicketsIssued issued) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
            int index = 0;
            for (IssuedTicket ticket : issued.tickets()) {
                index++;
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                // One pixel per module; PDF viewers scale images without smoothing unless asked to, so it stays crisp.
                PDImageXObject image = LosslessFactory.createFromImage(document, QrCodes.moduleImage(ticket.qrToken()));
                image.setInterpolate(false);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    float y = PAGE.getHeight() - MARGIN - 16;
                    y = line(content, bold, 16, issued.eventName(), y, 22);
                    y = line(content, regular, 11, Formats.when(issued.eventStartsAt()), y, 15);
                    y = line(content, regular, 11, issued.venueName(), y, 24);
                    y = line(content, regular, 10, "Ticket type", y, 13);
                    y = line(content, bold, 12, ticket.ticketTypeName(), y, 18);
                    y = line(content, regular, 10, "Holder", y, 13);
                    y = line(content, bold, 12, ticket.holderName(), y, 18);
                    y = line(content, regular, 10, "Ticket number", y, 13);
                    y = line(content, mono, 12, ticket.ticketNumber(), y, 12);
                    float qrSize = Math.min(220, y - MARGIN - 30);
                    float x = (PAGE.getWidth() - qrSize) / 2;
                    content.drawImage(image, x, y - qrSize, qrSize, qrSize);
                    line(content, regular, 9, "Ticket " + index + " of " + issued.tickets().size()
                            + " - show this code at the door; it admits one person once.", MARGIN + 10, 0);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float line(PDPageContentStream content, PDType1Font font, float size, String text, float y, float advance)
            throws IOException {
        String printable = fit(font, size, winAnsi(font, text == null ? "" : text));
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(MARGIN, y);
        content.showText(printable);
        content.endText();
        return y - advance;
    }

    /** Shortens {@code text} with "..." until it fits between the margins. */
    private static String fit(PDType1Font font, float size, String text) throws IOException {
        float max = PAGE.getWidth() - 2 * MARGIN;
        if (font.getStringWidth(text) / 1000 * size <= max) {
            return text;
        }
        int keep = text.length();
        String candidate = text;
        while (keep > 0 && font.getStringWidth(candidate) / 1000 * size > max) {
            keep--;
            candidate = text.substring(0, keep) + "...";
        }
        return candidate;
    }

    private static String winAnsi(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.replaceAll("[\\r\\n\\t]+", " ").codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }
}
