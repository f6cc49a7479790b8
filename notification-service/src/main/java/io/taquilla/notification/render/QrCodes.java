package io.taquilla.notification.render;

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
 * Draws a ticket's signed token as a QR code. Error correction M (15 %) survives a cracked phone
 * screen or a smudged print without making the code too dense for a ~150-character token; the quiet zone is the standard 4 modules; ~400 px
 * is sharp on a phone and in the PDF. Rendered here from the token in the event, so delivering
 * never depends on ticketing being up.
 */
public final class QrCodes {

    public static final int SIZE_PX = 400;

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, "UTF-8");

    private QrCodes() {
    }

    /**
     * Encodes at one pixel per module, then paints each dark module as a square of a whole number
     * of pixels, centred on a {@link #SIZE_PX} white square: crisp edges, and ~10x cheaper than
     * letting ZXing scale (which sets every pixel one by one).
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

    /** One pixel per module (quiet zone included), for the PDF, which scales it without smoothing. */
    public static BufferedImage moduleImage(String token) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the ticket token as a QR code", e);
        }
        int modules = matrix.getWidth();
        BufferedImage image = new BufferedImage(modules, modules, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < modules; y++) {
            for (int x = 0; x < modules; x++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    public static byte[] png(String token) {
        return png(image(token));
    }

    public static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(8 * 1024)) {
            ImageIO.write(image, "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
