// The QR decoder off the main thread: RGBA frame in, text (or null) out. The decoder is ZXing
// compiled to JavaScript by TeaVM (door-app/pom.xml), so every browser reads codes the same way,
// BarcodeDetector or not.
import { decode } from '../decoder/qr-decoder.js';

let luminance = new Uint8Array(0);

self.onmessage = (message) => {
  const { id, width, height, rgba } = message.data;
  const pixels = new Uint8Array(rgba);
  const size = width * height;
  if (luminance.length !== size) luminance = new Uint8Array(size);
  for (let i = 0, p = 0; i < size; i += 1, p += 4) {
    luminance[i] = (pixels[p] * 77 + pixels[p + 1] * 150 + pixels[p + 2] * 29) >> 8;
  }
  const started = performance.now();
  let text = null;
  try {
    text = decode(width, height, luminance);
  } catch (e) {
    text = null;
  }
  self.postMessage({ id, text, decodeMs: performance.now() - started, rgba }, [rgba]);
};
self.postMessage({ ready: true });
