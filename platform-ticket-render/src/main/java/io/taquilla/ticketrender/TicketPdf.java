package io.taquilla.ticketrender;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The printable tickets: one A5 page per ticket with the event, local date and time at the venue,
 * venue and address, type, holder, ticket number and the QR code. Kept cheap: the PDF standard
 * fonts (nothing to embed), created once per document and shared by its pages, and the QR code's
 * PNG bytes as drawn for the email (PDFBox copies the PNG's compressed data when it can instead of
 * re-encoding pixels). Characters the standard fonts cannot show fall back to their unaccented
 * letter or {@code ?}.
 */
public final class TicketPdf {

    private static final PDRectangle PAGE = PDRectangle.A5;
    private static final float MARGIN = 36;
    private static final float QR_SIZE = 230;
    private static final int MAX_TITLE_LINES = 3;

    private TicketPdf() {
    }

    public static byte[] render(List<RenderedTicket> tickets, TicketLanguage language) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024)) {
            Fonts fonts = new Fonts();
            int index = 0;
            for (RenderedTicket ticket : tickets) {
                index++;
                page(document, fonts, ticket, index, tickets.size(), language);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(PDFont bold, PDFont regular, PDFont mono) {
        Fonts() {
            this(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD));
        }
    }

    private static void page(PDDocument document, Fonts fonts, RenderedTicket ticket, int index, int count,
                             TicketLanguage language) throws IOException {
        TicketFace face = ticket.face();
        EventDetails event = face.event();
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        float width = PAGE.getWidth() - 2 * MARGIN;
        PDImageXObject qr = PDImageXObject.createFromByteArray(document, ticket.qrPng(), "qr-" + index);
        qr.setInterpolate(false);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
            float y = PAGE.getHeight() - MARGIN;
            y = write(content, fonts.regular(), 9, language.banner, y, width, 1);
            y = write(content, fonts.bold(), 17, event.name(), y - 4, width, MAX_TITLE_LINES);
            y = write(content, fonts.regular(), 11, event.when(language), y - 2, width, 2);
            y = write(content, fonts.regular(), 11, event.where(), y, width, 2);
            y = write(content, fonts.regular(), 9, language.typeLabel, y - 8, width, 1);
            y = write(content, fonts.bold(), 12, face.ticketType(), y, width, 1);
            y = write(content, fonts.regular(), 9, language.holderLabel, y - 2, width, 1);
            y = write(content, fonts.bold(), 12, face.holder(), y, width, 1);
            y = write(content, fonts.regular(), 9, language.numberLabel, y - 2, width, 1);
            y = write(content, fonts.mono(), 12, face.ticketNumber(), y, width, 1);
            float size = Math.min(QR_SIZE, y - 10 - MARGIN - 24);
            content.drawImage(qr, (PAGE.getWidth() - size) / 2, y - 10 - size, size, size);
            write(content, fonts.regular(), 8, String.format(language.locale(), language.footer, index, count),
                    MARGIN + 20, width, 2);
        }
    }

    /** Writes {@code text} wrapped to at most {@code maxLines} lines below {@code y}; returns the last baseline. */
    private static float write(PDPageContentStream content, PDFont font, float size, String text, float y, float width,
                               int maxLines) throws IOException {
        float leading = size * 1.3f;
        for (String line : wrap(font, size, printable(font, text), width, maxLines)) {
            y -= leading;
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(line);
            content.endText();
        }
        return y;
    }

    static List<String> wrap(PDFont font, float size, String text, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && width(font, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        if (lines.size() > maxLines) {
            List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
            kept.set(maxLines - 1, ellipsis(font, size, kept.get(maxLines - 1) + " " + lines.get(maxLines), width));
            lines = kept;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (width(font, size, lines.get(i)) > width) {
                lines.set(i, ellipsis(font, size, lines.get(i), width));
            }
        }
        return lines;
    }

    /** Shortens {@code text} with "..." until it fits. */
    private static String ellipsis(PDFont font, float size, String text, float width) throws IOException {
        int keep = text.length();
        String candidate = text + "...";
        while (keep > 0 && width(font, size, candidate) > width) {
            keep--;
            candidate = text.substring(0, keep).stripTrailing() + "...";
        }
        return candidate;
    }

    private static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** What the standard font can show: as given, else without accents, else {@code ?}. */
    static String printable(PDFont font, String text) {
        StringBuilder out = new StringBuilder();
        String normalized = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        normalized.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) || Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                    ? " " : new String(Character.toChars(cp));
            if (encodable(font, ch)) {
                out.append(ch);
            } else {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
                out.append(!base.isEmpty() && encodable(font, base) ? base : "?");
            }
        });
        return out.toString().replaceAll(" {2,}", " ").strip();
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
