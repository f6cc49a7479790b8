package io.taquilla.ticketing.buyer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The printable tickets of an order: one A5 page per valid ticket with the event, date, venue,
 * type, holder, ticket number and its QR code. Uses the PDF standard fonts (nothing to embed);
 * characters they cannot show fall back to their unaccented letter or {@code ?}.
 */
public final class TicketPdf {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final float MARGIN = 36;
    private static final float QR_SIZE = 250;

    private TicketPdf() {
    }

    public static byte[] render(OrderTickets order) {
        try (PDDocument document = new PDDocument()) {
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (OrderTickets.Ticket ticket : order.validTickets()) {
                page(document, order, ticket, bold, regular);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(PDDocument document, OrderTickets order, OrderTickets.Ticket ticket, PDFont bold,
                             PDFont regular) throws IOException {
        PDPage page = new PDPage(PDRectangle.A5);
        document.addPage(page);
        float width = page.getMediaBox().getWidth() - 2 * MARGIN;
        float y = page.getMediaBox().getHeight() - MARGIN;
        PDImageXObject qr = LosslessFactory.createFromImage(document, QrCodeImages.image(ticket.qrToken()));
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            y = write(content, regular, 9, "TAQUILLA TICKET", y, width);
            y = write(content, bold, 18, order.eventName(), y - 6, width);
            y = write(content, regular, 11, WHEN.format(order.eventStartsAt()), y - 2, width);
            y = write(content, regular, 11, order.venueName() == null ? "" : order.venueName(), y, width);
            y = write(content, bold, 13, ticket.ticketTypeName(), y - 8, width);
            y = write(content, regular, 11, "Holder: " + ticket.holderName(), y, width);
            y = write(content, bold, 12, "Ticket " + ticket.ticketNumber(), y - 2, width);
            float x = (page.getMediaBox().getWidth() - QR_SIZE) / 2;
            content.drawImage(qr, x, y - 10 - QR_SIZE, QR_SIZE, QR_SIZE);
            write(content, regular, 8, "Show this code at the door. Order " + order.orderId(), MARGIN + 12, width);
        }
    }

    /** Writes wrapped lines from the top at {@code y}; returns the baseline below them. */
    private static float write(PDPageContentStream content, PDFont font, float size, String text, float y, float width)
            throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(font, size, printable(font, text), width)) {
            y -= leading;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(line);
            content.endText();
        }
        return y;
    }

    private static List<String> wrap(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** What the standard font can show: as given, else without accents, else {@code ?}. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        String normalized = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        normalized.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) || Character.isWhitespace(cp) ? " " : new String(Character.toChars(cp));
            if (encodable(font, ch)) {
                out.append(ch);
            } else {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                out.append(!base.isEmpty() && encodable(font, base) ? base : "?");
            }
        });
        return out.toString();
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
