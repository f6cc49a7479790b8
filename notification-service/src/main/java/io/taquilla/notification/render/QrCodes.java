package io.taquilla.notification.render;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
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

    public static BufferedImage image(String token) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, SIZE_PX, SIZE_PX, HINTS);
            return MatrixToImageWriter.toBufferedImage(matrix);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the ticket token as a QR code", e);
        }
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
