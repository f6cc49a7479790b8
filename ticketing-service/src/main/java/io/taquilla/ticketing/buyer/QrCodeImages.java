package io.taquilla.ticketing.buyer;

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

/**
 * QR images of ticket tokens: 400 px square, fits a phone screen at full brightness; error
 * correction M (15%) keeps the symbol at version 8 (49 modules, 7 px each) for a 146-character
 * token — bigger modules scan faster off a screen than Q's denser version 10; and the 4-module
 * quiet zone the standard asks for.
 */
public final class QrCodeImages {

    public static final int SIZE_PX = 400;
    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4,
            EncodeHintType.CHARACTER_SET, "ISO-8859-1");

    private QrCodeImages() {
    }

    public static BufferedImage image(String token) {
        return MatrixToImageWriter.toBufferedImage(matrix(token));
    }

    public static byte[] png(String token) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix(token), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BitMatrix matrix(String token) {
        try {
            return new QRCodeWriter().encode(token, BarcodeFormat.QR_CODE, SIZE_PX, SIZE_PX, HINTS);
        } catch (WriterException e) {
            throw new IllegalStateException("a ticket token does not fit a QR code", e);
        }
    }
}
