// The door app: sign in, pick event and gate, scan. Screens are sections of one page; state that
// must survive a reload (sign-in, event, gate, queue, bundle) lives in localStorage / IndexedDB.
import * as auth from './auth.js';
import { api, Offline } from './api.js';
import { Camera } from './camera.js';
import { unlockSound } from './feedback.js';
import * as offline from './offline.js';
import { renderBoard } from './board.js';
import { VerdictScreen, time } from './verdict.js';

const $ = (id) => document.getElementById(id);
const SCREENS = ['signin', 'setup', 'scan', 'manual', 'board'];
const SAME_CODE_PAUSE_MS = 2500;
const UNDO_WINDOW_MS = 60000;

let setup = JSON.parse(localStorage.getItem('door.setup') || 'null');
let camera = null;
let lastCode = { text: null, at: 0 };
let judging = false;
let lastAdmission = null;
let boardTimer = null;
let online = navigator.onLine;

const verdict = new VerdictScreen($('verdict'), { onUndo: () => undoLast(), onClose: () => {} });

function show(screen) {
  for (const s of SCREENS) $(s).hidden = s !== screen;
  if (screen !== 'board') clearInterval(boardTimer);
  if (screen === 'scan') startCamera(); else if (camera) camera.stop();
  const heading = $(screen).querySelector('h1');
  if (heading && screen !== 'scan') { heading.tabIndex = -1; heading.focus(); }
}

// ---- status banner: online/offline, queue length, bundle age, always visible --------------------
async function banner() {
  online = navigator.onLine;
  $('banner').classList.toggle('offline', !online);
  $('net').textContent = online ? 'Online' : 'Offline — scanning on this device';
  $('queue').textContent = `Queue ${await offline.queueLength()}`;
  const info = offline.bundleInfo();
  if (!info.fetchedAt) {
    $('bundle-age').textContent = 'No offline data';
  } else {
    const seconds = Math.max(0, Math.round((Date.now() - Date.parse(info.fetchedAt)) / 1000));
    const age = seconds < 90 ? `${seconds} s` : seconds < 5400 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3600)} h`;
    $('bundle-age').textContent = `Data ${age} old · ${info.tickets} tickets`;
  }
}

// ---- sign-in -----------------------------------------------------------------------------------
function showSignIn() {
  const config = auth.configuration();
  $('oidc-signin').hidden = !config.oidc;
  $('dev-signin').hidden = !config.devLogin;
  $('no-signin').hidden = !!(config.oidc || config.devLogin);
  show('signin');
}

$('oidc-button').addEventListener('click', () => auth.startOidc($('device-name').value.trim()));
$('dev-signin').addEventListener('submit', (e) => {
  e.preventDefault();
  const problem = auth.useDevToken($('dev-token').value);
  $('dev-error').hidden = !problem;
  $('dev-error').textContent = problem || '';
  if (!problem) showSetup();
});
$('signout').addEventListener('click', () => {
  auth.signOut();
  showSignIn();
});

// ---- event and gate ------------------------------------------------------------------------------
async function showSetup() {
  show('setup');
  const select = $('event');
  let events = JSON.parse(localStorage.getItem('door.events') || '[]');
  try {
    const response = await api('/api/door/events');
    if (response.status === 401) return showSignIn();
    if (response.status === 200) {
      events = response.body;
      localStorage.setItem('door.events', JSON.stringify(events));
    }
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
  }
  select.replaceChildren(...events.map(ev => {
    const option = document.createElement('option');
    option.value = ev.eventId;
    option.textContent = `${ev.name} — ${new Date(ev.startsAt).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' })}`;
    return option;
  }));
  if (setup) {
    select.value = setup.eventId;
    $('gate').value = setup.gate;
  }
  $('setup-error').hidden = events.length > 0;
  $('setup-error').textContent = events.length ? '' : 'No events to scan for yet.';
}

$('setup-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  unlockSound();
  const select = $('event');
  if (!select.value || !$('gate').checkValidity()) return;
  setup = { eventId: select.value, eventName: select.selectedOptions[0].textContent, gate: $('gate').value.trim() };
  localStorage.setItem('door.setup', JSON.stringify(setup));
  await offline.openEvent(setup.eventId);
  show('scan');
  refreshInBackground();
});

// ---- scanning ------------------------------------------------------------------------------------
async function startCamera() {
  if (!camera) camera = new Camera($('video'), (text) => onCode(text));
  if (camera.running) return;
  try {
    await camera.start();
    $('camera-note').textContent = 'Point the camera at the ticket\'s QR code';
    $('torch').hidden = !camera.hasTorch();
  } catch (e) {
    $('camera-note').textContent = 'No camera: allow camera access, or use Manual entry';
  }
}

function onCode(text) {
  const now = Date.now();
  if (judging || !$('verdict').hidden && text === lastCode.text) return;
  if (text === lastCode.text && now - lastCode.at < SAME_CODE_PAUSE_MS) return;
  lastCode = { text, at: now };
  judgeCode(text);
}

/** Online: the server decides (one statement, first scan wins). No network: the device decides. */
async function judgeCode(qr) {
  judging = true;
  const deviceId = auth.deviceId();
  try {
    let v;
    try {
      const response = await api('/api/scans', { method: 'POST', body: { qr, eventId: setup.eventId, gate: setup.gate, deviceId } });
      if (response.status === 200) {
        v = response.body;
        offline.remember(v, setup.gate, deviceId);
      } else if (response.status === 429) {
        v = { verdict: 'CARE', reason: 'RATE_LIMITED' };
      } else if (response.status === 400) {
        v = { verdict: 'REJECTED', reason: 'INVALID_SIGNATURE' };
      } else if (response.status === 401 || response.status === 403) {
        verdict.hide();
        return showSignIn();
      } else {
        throw new Offline('HTTP ' + response.status);
      }
    } catch (e) {
      if (!(e instanceof Offline)) throw e;
      v = await offline.judge(qr, setup.gate, deviceId);
      if (v.verdict !== 'CARE' || v.reason === 'CANNOT_VERIFY_OFFLINE') {
        v.nonce = await offline.enqueue({ qr, eventId: setup.eventId, gate: setup.gate, deviceId, scannedAt: v.scannedAt,
          deviceVerdict: v.verdict === 'ACCEPTED' ? 'ACCEPTED' : 'REJECTED', ticketId: v.ticket && v.ticket.ticketId });
      }
    }
    present(v);
  } finally {
    judging = false;
    banner();
  }
}

function present(v) {
  verdict.show(v);
  if (v.verdict === 'ACCEPTED') {
    lastAdmission = { ticketId: v.ticket && v.ticket.ticketId, nonce: v.nonce, at: Date.now(), ticket: v.ticket || {} };
    $('last-text').textContent = `Let in: ${lastAdmission.ticket.holderName || ''} ${lastAdmission.ticket.ticketNumber || ''}`.trim();
    $('last').hidden = false;
    setTimeout(() => { if (lastAdmission && Date.now() - lastAdmission.at >= UNDO_WINDOW_MS) $('last').hidden = true; }, UNDO_WINDOW_MS);
  }
}

/** Undo the last admission (mistap): unqueue it if it never left the device, else ask the server. */
async function undoLast() {
  const last = lastAdmission;
  verdict.hide();
  if (!last || Date.now() - last.at > UNDO_WINDOW_MS) return;
  let message;
  if (last.nonce && (await offline.queueLength()) && await removeQueued(last.nonce)) {
    message = 'Undone (was not synced yet)';
  } else {
    try {
      const response = await api(`/api/door/checkins/${last.ticketId}/undo`, { method: 'POST',
        body: { deviceId: auth.deviceId(), reason: 'Undone at the door right after admission (mistap)' } });
      message = response.status === 200 ? 'Undone' : `Could not undo: ${(response.body && response.body.detail) || response.status}`;
    } catch (e) {
      message = 'Could not undo: no network. Ask a supervisor.';
    }
  }
  if (message.startsWith('Undone')) {
    offline.forget(last.ticketId);
    lastAdmission = null;
    lastCode = { text: null, at: 0 };
  }
  console.info('door: undo', last.ticketId, message);
  $('last-text').textContent = `${message}: ${last.ticket.holderName || ''} ${last.ticket.ticketNumber || ''}`.trim();
  $('undo').hidden = true;
  setTimeout(() => { $('last').hidden = true; $('undo').hidden = false; }, 5000);
  banner();
}

async function removeQueued(nonce) {
  const { store } = await import('./store.js');
  if (!(await store.get('queue', nonce))) return false;
  await offline.dequeue(nonce);
  return true;
}

$('undo').addEventListener('click', () => undoLast());
$('torch').addEventListener('click', async () => {
  const on = $('torch').getAttribute('aria-pressed') !== 'true';
  try {
    await camera.torch(on);
    $('torch').setAttribute('aria-pressed', String(on));
  } catch (e) {
    $('torch').hidden = true;
  }
});
$('flip').addEventListener('click', async () => {
  await camera.flip();
  $('torch').hidden = !camera.hasTorch();
});
$('open-manual').addEventListener('click', () => { show('manual'); });
$('open-board').addEventListener('click', () => openBoard());
$('open-setup').addEventListener('click', () => showSetup());
document.querySelectorAll('.back').forEach(b => b.addEventListener('click', () => show('scan')));

// ---- manual entry ----------------------------------------------------------------------------------
// A handheld (keyboard-wedge) scanner types the code and Enter: judged exactly like a camera read.
$('code-form').addEventListener('submit', (e) => {
  e.preventDefault();
  unlockSound();
  const code = $('code-input').value.trim();
  $('code-input').value = '';
  if (!code) return;
  show('scan');
  lastCode = { text: code, at: Date.now() };
  judgeCode(code);
});

// ---- search by number or name ----------------------------------------------------------------------------------
$('manual-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  unlockSound();
  const q = $('manual-query').value.trim();
  const list = $('manual-results');
  list.replaceChildren();
  let found;
  try {
    const response = await api(`/api/door/events/${setup.eventId}/tickets?q=${encodeURIComponent(q)}`);
    found = response.status === 200 ? response.body : [];
    if (response.status === 400) { $('manual-message').textContent = response.body.detail; return; }
  } catch (err) {
    if (!(err instanceof Offline)) throw err;
    found = offline.searchRoster(q);
  }
  $('manual-message').textContent = found.length ? `${found.length} found` : 'No ticket found. Check the number or try part of the name.';
  for (const t of found) {
    const li = document.createElement('li');
    const who = Object.assign(document.createElement('span'), { className: 'who', textContent: `${t.holderName || '—'} · ${t.ticketNumber}` });
    const state = t.status === 'REVOKED' ? 'cancelled' : t.checkedInAt ? `in since ${time(t.checkedInAt) || t.checkedInAt}` : 'not in yet';
    const what = Object.assign(document.createElement('span'), { className: 'what', textContent: `${t.ticketType || ''} · ${state}` });
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Let in' });
    button.setAttribute('aria-label', `Let in ${t.holderName || ''} ${t.ticketNumber}`);
    button.addEventListener('click', () => admitManually(t.ticketId));
    li.append(who, what, button);
    list.append(li);
  }
});

async function admitManually(ticketId) {
  const deviceId = auth.deviceId();
  let v;
  try {
    const response = await api('/api/door/admissions', { method: 'POST', body: { ticketId, eventId: setup.eventId, gate: setup.gate, deviceId } });
    if (response.status !== 200) throw new Offline('HTTP ' + response.status);
    v = response.body;
    offline.remember(v, setup.gate, deviceId);
  } catch (e) {
    if (!(e instanceof Offline)) throw e;
    v = offline.judgeTicket(ticketId, setup.gate, deviceId);
    v.nonce = await offline.enqueue({ manual: true, ticketId, eventId: setup.eventId, gate: setup.gate, deviceId,
      scannedAt: v.scannedAt, deviceVerdict: v.verdict === 'ACCEPTED' ? 'ACCEPTED' : 'REJECTED' });
  }
  show('scan');
  present(v);
  banner();
}

// ---- board -----------------------------------------------------------------------------------------
async function openBoard() {
  show('board');
  const draw = async () => {
    try {
      await renderBoard($('board-body'), setup.eventId, await offline.conflicts());
    } catch (e) {
      $('board-body').replaceChildren(Object.assign(document.createElement('p'), {
        textContent: e instanceof Offline ? 'The board needs the network. Scanning keeps working offline.' : e.message }));
    }
  };
  await draw();
  clearInterval(boardTimer);
  boardTimer = setInterval(draw, 3000);
}

async function showConflicts() {
  const list = $('conflicts');
  const all = await offline.conflicts();
  list.replaceChildren(...all.slice(-3).map(c => {
    const li = document.createElement('li');
    const who = c.ticket ? `${c.ticket.holderName || ''} ${c.ticket.ticketNumber || ''}`.trim() : c.ticketId;
    li.textContent = `${who} let in here at ${time(c.here.scannedAt)} and also ` +
      (c.other ? `at ${time(c.other.scannedAt)}, gate ${c.other.gate}, device ${c.other.deviceId}` : 'elsewhere');
    return li;
  }));
}

// ---- background: sync the queue, refresh the bundle ------------------------------------------------
let refreshing = false;
async function refreshInBackground() {
  if (refreshing || !setup || !auth.signedIn() || !navigator.onLine) return banner();
  refreshing = true;
  try {
    const result = await offline.syncQueue(auth.deviceId());
    if (result.conflicts) showConflicts();
    await offline.refreshBundle();
  } catch (e) {
    if (!(e instanceof Offline)) console.warn('door: background refresh', e);
  } finally {
    refreshing = false;
    banner();
  }
}

window.addEventListener('online', () => refreshInBackground());
window.addEventListener('offline', () => banner());
setInterval(refreshInBackground, 5000);
setInterval(banner, 1000);

// ---- start ---------------------------------------------------------------------------------------
async function start() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('/door/sw.js', { scope: '/door/' }).catch(e => console.warn('door: service worker', e));
  }
  await auth.loadConfig();
  await auth.finishOidc().catch(e => console.warn('door: sign-in', e));
  if (!auth.signedIn()) return showSignIn();
  if (!setup) return showSetup();
  await offline.openEvent(setup.eventId);
  showConflicts();
  show('scan');
  refreshInBackground();
}

document.addEventListener('click', () => unlockSound(), { once: true });
start();
