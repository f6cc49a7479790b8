package io.taquilla.ticketrender;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * A ticket's signed token as a QR code, PNG. Error correction M (15 %) survives a cracked phone
 * screen or a smudged print and keeps a ~146-character token at version 8 (49 modules), whose big
 * modules scan faster off a screen than a denser symbol; the quiet zone is the standard 4 modules;
 * ~400 px is sharp on a phone and in the PDF. ISO-8859-1 because tokens are ASCII: no ECI segment.
 */
public final class QrCode {

    public static final int SIZE_PX = 400;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, "ISO-8859-1");

    private QrCode() {
    }

    public static byte[] png(String token) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(4 * 1024)) {
            ImageIO.write(image(token), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Encodes at one pixel per module, then paints each run of dark modules as one rectangle of a
     * whole number of pixels, centred on a {@link #SIZE_PX} white square: crisp edges, and ~10x
     * cheaper than letting ZXing scale (which sets every pixel one by one). 1-bit, so the PNG is small.
     */
    public static BufferedImage image(String token) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the ticket token as a QR code", e);
        }
        int modules = matrix.getWidth();
        int scale = Math.max(1, SIZE_PX / modules);
        int size = Math.max(SIZE_PX, modules * scale);
        int offset = (size - modules * scale) / 2;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, size, size);
            graphics.setColor(Color.BLACK);
            for (int y = 0; y < modules; y++) {
                int x = 0;
                while (x < modules) {
                    if (!matrix.get(x, y)) {
                        x++;
                        continue;
                    }
                    int run = x;
                    while (run < modules && matrix.get(run, y)) {
                        run++;
                    }
                    graphics.fillRect(offset + x * scale, offset + y * scale, (run - x) * scale, scale);
                    x = run;
                }
            }
        } finally {
            graphics.dispose();
        }
        return image;
    }
}
