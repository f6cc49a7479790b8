// Continuous scanning: camera frames, scaled to at most 640 px, go to the decoder worker one at a
// time (the next frame is taken as soon as the worker answers), so a code is read within a frame
// or two of appearing. Torch where the camera has one; front/back switch.
const MAX_SIDE = 640;

export class Camera {
  constructor(video, onCode) {
    this.video = video;
    this.onCode = onCode;
    this.facing = localStorage.getItem('door.facing') || 'environment';
    this.canvas = document.createElement('canvas');
    this.context = this.canvas.getContext('2d', { willReadFrequently: true });
    this.worker = new Worker(new URL('./decoder-worker.js', import.meta.url), { type: 'module' });
    this.worker.onmessage = (m) => this.answered(m.data);
    this.busy = false;
    this.running = false;
    this.frameId = 0;
    this.stats = { frames: 0, decodeMs: 0 };
  }

  async start() {
    this.stop();
    this.stream = await navigator.mediaDevices.getUserMedia({
      audio: false, video: { facingMode: { ideal: this.facing }, width: { ideal: 1280 }, height: { ideal: 720 } } });
    this.video.srcObject = this.stream;
    await this.video.play();
    this.running = true;
    this.schedule();
  }

  stop() {
    this.running = false;
    if (this.stream) this.stream.getTracks().forEach(t => t.stop());
    this.stream = null;
  }

  track() {
    return this.stream && this.stream.getVideoTracks()[0];
  }

  hasTorch() {
    const track = this.track();
    const capabilities = track && track.getCapabilities ? track.getCapabilities() : {};
    return !!capabilities.torch;
  }

  async torch(on) {
    await this.track().applyConstraints({ advanced: [{ torch: on }] });
  }

  async flip() {
    this.facing = this.facing === 'environment' ? 'user' : 'environment';
    localStorage.setItem('door.facing', this.facing);
    await this.start();
  }

  schedule() {
    if (!this.running) return;
    if (this.video.requestVideoFrameCallback) this.video.requestVideoFrameCallback(() => this.grab());
    else setTimeout(() => this.grab(), 40);
  }

  grab() {
    if (!this.running) return;
    if (this.busy || this.video.readyState < 2 || !this.video.videoWidth) {
      this.schedule();
      return;
    }
    const scale = Math.min(1, MAX_SIDE / Math.max(this.video.videoWidth, this.video.videoHeight));
    const width = Math.round(this.video.videoWidth * scale);
    const height = Math.round(this.video.videoHeight * scale);
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
    this.context.drawImage(this.video, 0, 0, width, height);
    const rgba = this.context.getImageData(0, 0, width, height).data.buffer;
    this.busy = true;
    this.frameId += 1;
    this.worker.postMessage({ id: this.frameId, width, height, rgba }, [rgba]);
  }

  answered(data) {
    if (data.ready) return;
    this.busy = false;
    this.stats.frames += 1;
    this.stats.decodeMs += data.decodeMs;
    if (data.text) this.onCode(data.text);
    this.schedule();
  }
}
