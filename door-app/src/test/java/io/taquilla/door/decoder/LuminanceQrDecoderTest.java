package io.taquilla.door.decoder;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The decoder the browser runs, on the JVM: a code drawn into a camera-sized frame reads back. */
class LuminanceQrDecoderTest {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 480;

    @Test
    void readsATicketCodeInAGreyFrame() throws Exception {
        String token = "AQoLDA0hQ2b0Yw1cXgSt7h1fRk6gJ1Y0nXqGm3k9Vb2Qe7r8TyU1iO9pA4sD6fG8hJ0kL2zX4cV6bN8mQ1wE3rT5yU7iO9pA1sD3fG5hJ7kL9zX1cV3bN5mQ7wE9rT1yU3iO";
        assertThat(new LuminanceQrDecoder().decode(WIDTH, HEIGHT, frameWith(token, 120))).isEqualTo(token);
    }

    @Test
    void answersNullForAFrameWithoutACode() {
        byte[] grey = new byte[WIDTH * HEIGHT];
        Arrays.fill(grey, (byte) 128);
        assertThat(new LuminanceQrDecoder().decode(WIDTH, HEIGHT, grey)).isNull();
    }

    @Test
    void answersNullForNonsenseSizes() {
        assertThat(new LuminanceQrDecoder().decode(0, HEIGHT, new byte[10])).isNull();
        assertThat(new LuminanceQrDecoder().decode(WIDTH, HEIGHT, new byte[10])).isNull();
    }

    /** Low contrast on purpose (dark 60, light 180): a phone screen in a dark room. */
    static byte[] frameWith(String text, int contrast) throws Exception {
        BitMatrix code = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 320, 320);
        byte[] frame = new byte[WIDTH * HEIGHT];
        Arrays.fill(frame, (byte) 100);
        int left = (WIDTH - code.getWidth()) / 2;
        int top = (HEIGHT - code.getHeight()) / 2;
        for (int y = 0; y < code.getHeight(); y++) {
            for (int x = 0; x < code.getWidth(); x++) {
                frame[(top + y) * WIDTH + left + x] = (byte) (code.get(x, y) ? 60 : 60 + contrast);
            }
        }
        return frame;
    }
}
