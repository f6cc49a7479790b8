package io.taquilla.door.decoder;

import org.teavm.jso.JSExport;
import org.teavm.jso.typedarrays.Uint8Array;

/**
 * The decoder's JavaScript face, compiled by TeaVM into {@code door-app/decoder/qr-decoder.js}
 * (an ES module exporting {@code decode(width, height, luminance)}). The door app calls it from a
 * Web Worker with the luminance of each camera frame.
 */
public final class QrDecoderExports {

    private static final LuminanceQrDecoder DECODER = new LuminanceQrDecoder();
    private static byte[] frame = new byte[0];

    private QrDecoderExports() {
    }

    @JSExport
    public static String decode(int width, int height, Uint8Array luminance) {
        int size = width * height;
        if (size <= 0 || luminance.getLength() < size) {
            return null;
        }
        if (frame.length != size) {
            frame = new byte[size];
        }
        for (int i = 0; i < size; i++) {
            frame[i] = (byte) luminance.get(i);
        }
        return DECODER.decode(width, height, frame);
    }
}
