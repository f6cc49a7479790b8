// One sound and one vibration per outcome, distinct enough to tell apart in a loud room:
// accepted = two rising beeps, rejected = a long low buzz twice, check = three short mid beeps.
let audio = null;

/** Call from a tap: browsers only let a page make sound after the user touched it. */
export function unlockSound() {
  if (!audio) {
    try {
      audio = new AudioContext();
    } catch (e) {
      audio = null;
    }
  }
  if (audio && audio.state === 'suspended') audio.resume();
}

function tone(frequency, start, duration, type = 'sine', volume = 0.4) {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = type;
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(volume, audio.currentTime + start);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + start + duration);
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(audio.currentTime + start);
  oscillator.stop(audio.currentTime + start + duration + 0.02);
}

const PATTERNS = {
  ACCEPTED: { tones: [[880, 0, 0.12], [1320, 0.13, 0.18]], vibrate: [90] },
  REJECTED: { tones: [[180, 0, 0.35, 'square', 0.3], [180, 0.45, 0.35, 'square', 0.3]], vibrate: [350, 120, 350] },
  CARE: { tones: [[660, 0, 0.08], [660, 0.14, 0.08], [660, 0.28, 0.08]], vibrate: [80, 60, 80, 60, 80] },
};

export function signal(kind) {
  const pattern = PATTERNS[kind] || PATTERNS.CARE;
  if (audio && audio.state === 'running') pattern.tones.forEach(t => tone(...t));
  if (navigator.vibrate) navigator.vibrate(pattern.vibrate);
}
