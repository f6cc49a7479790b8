package io.taquilla.door.decoder;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.EnumMap;
import java.util.Map;

/**
 * Finds and reads one QR code in a grey-scale camera frame (one byte of luminance per pixel, row
 * by row). Plain ZXing, so the JVM test and the browser run the same code.
 */
public final class LuminanceQrDecoder {

    private static final Map<DecodeHintType, Object> HINTS = new EnumMap<>(DecodeHintType.class);

    static {
        // A phone held at arm's length in a dark room: small, soft, low-contrast codes.
        HINTS.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
    }

    private final QRCodeReader reader = new QRCodeReader();

    /** @return the code's text, or null when the frame holds no readable QR code */
    public String decode(int width, int height, byte[] luminance) {
        if (width <= 0 || height <= 0 || luminance.length < width * height) {
            return null;
        }
        try {
            return reader.decode(new BinaryBitmap(new HybridBinarizer(
                    new PlanarYUVLuminanceSource(luminance, width, height, 0, 0, width, height, false))), HINTS).getText();
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return null;
        } finally {
            reader.reset();
        }
    }
}
