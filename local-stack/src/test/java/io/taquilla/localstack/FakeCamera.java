package io.taquilla.localstack;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What Chromium's fake camera plays: a YUV4MPEG2 ({@code C420jpeg}) file of frames showing a
 * ticket's QR code as a phone screen would, drawn with ZXing. Grey background, slightly soft
 * contrast, code off-centre: not the easiest picture.
 */
final class FakeCamera {

    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    private FakeCamera() {
    }

    /** @param blankFrames frames without a code before the code appears (a phone moving into view) */
    static Path showing(Path file, String qr, int blankFrames, int codeFrames) throws Exception {
        BitMatrix code = new QRCodeWriter().encode(qr, BarcodeFormat.QR_CODE, 300, 300,
                Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        byte[] blank = new byte[WIDTH * HEIGHT];
        Arrays.fill(blank, (byte) 90);
        byte[] withCode = blank.clone();
        int left = 200;
        int top = (HEIGHT - code.getHeight()) / 2 + 10;
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                withCode[(top + y) * WIDTH + left + x] = (byte) (code.get(x, y) ? 35 : 215);
            }
        }
        Files.createDirectories(file.getParent());
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F10:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < blankFrames; i++) {
                frame(out, blank);
            }
            for (int i = 0; i < codeFrames; i++) {
                frame(out, withCode);
            }
        }
        return file;
    }

    private static void frame(OutputStream out, byte[] luma) throws IOException {
        out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
        out.write(luma);
        byte[] chroma = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        Arrays.fill(chroma, (byte) 128);
        out.write(chroma); // U
        out.write(chroma); // V
    }
}
