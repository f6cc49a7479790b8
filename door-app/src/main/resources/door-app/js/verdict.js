// The verdict screen: colour + mark + word, the reason in plain words, the ticket's facts.
import { signal } from './feedback.js';

const REASONS = {
  ALREADY_USED: 'Already used',
  REVOKED: 'Ticket cancelled or refunded',
  WRONG_EVENT: 'Ticket for another event',
  EVENT_NOT_OPEN: 'Doors are not open for this event',
  INVALID_SIGNATURE: 'Not a valid ticket — forged, damaged or another QR code',
  UNKNOWN_TICKET: 'Ticket not known at this door',
  CANNOT_VERIFY_OFFLINE: 'Cannot check this ticket offline (HMAC-signed). Check it by name and ID, or wait for the network',
  NO_BUNDLE: 'No offline data for this event yet: connect once to download it',
  RATE_LIMITED: 'Scanning too fast — wait a second',
};

export function time(iso) {
  if (!iso) return null;
  const at = new Date(iso);
  const minutes = Math.round((Date.now() - at.getTime()) / 60000);
  const clock = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return minutes >= 1 ? `${clock} (${minutes} min ago)` : clock;
}

/** The plain-words reason for a rejection, including when and where a used ticket first got in. */
export function reasonText(v) {
  if (v.reason === 'ALREADY_USED' && v.firstScan) {
    if (v.firstScan.beforeBundle) return 'Already used — let in before this device\'s last download';
    const parts = [`Already used at ${time(v.firstScan.scannedAt)}`];
    if (v.firstScan.gate) parts.push(`gate ${v.firstScan.gate}`);
    if (v.firstScan.deviceId) parts.push(`device ${v.firstScan.deviceId}`);
    return parts.join(', ') + (v.firstScan.offline ? ' (offline scan)' : '');
  }
  if (v.reason === 'EVENT_NOT_OPEN' && v.doors && v.doors.why === 'early') return `Doors open at ${time(v.doors.opensAt)}`;
  if (v.reason === 'EVENT_NOT_OPEN' && v.doors && v.doors.why === 'cancelled') return 'This event was cancelled';
  return REASONS[v.reason] || v.reason || '';
}

export class VerdictScreen {
  constructor(root, { onUndo, onClose }) {
    this.root = root;
    this.onUndo = onUndo;
    this.onClose = onClose;
    root.addEventListener('click', (e) => {
      if (e.target.id === 'verdict-undo') return;
      this.hide();
    });
    root.querySelector('#verdict-undo').addEventListener('click', () => this.onUndo());
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') this.hide(); });
  }

  show(v) {
    const kind = v.verdict === 'ACCEPTED' ? 'ACCEPTED' : v.verdict === 'REJECTED' ? 'REJECTED' : 'CARE';
    this.root.className = 'verdict ' + { ACCEPTED: 'accepted', REJECTED: 'rejected', CARE: 'care' }[kind];
    this.root.querySelector('#verdict-title').textContent =
      { ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED', CARE: 'CHECK' }[kind];
    this.root.querySelector('#verdict-reason').textContent = kind === 'ACCEPTED'
      ? (v.offline ? 'Let in (offline — will sync)' : 'Let in') : reasonText(v);
    const facts = this.root.querySelector('#verdict-ticket');
    facts.replaceChildren();
    const t = v.ticket || {};
    for (const [label, value] of [['Type', t.ticketType], ['Holder', t.holderName], ['Ticket', t.ticketNumber]]) {
      if (!value) continue;
      const dt = document.createElement('dt');
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.textContent = value;
      facts.append(dt, dd);
    }
    this.root.querySelector('#verdict-code').textContent = v.reason ? v.reason : '';
    this.root.querySelector('#verdict-undo').hidden = kind !== 'ACCEPTED';
    this.root.hidden = false;
    signal(kind);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.hide(), kind === 'ACCEPTED' ? 2500 : 4000);
  }

  hide() {
    clearTimeout(this.timer);
    if (!this.root.hidden) {
      this.root.hidden = true;
      this.onClose();
    }
  }
}
