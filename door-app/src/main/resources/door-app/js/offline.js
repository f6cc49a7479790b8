// Offline first: the event's bundle (keys, revoked and used tickets) and roster (who holds which
// ticket) live in IndexedDB and refresh in the background with ETags; without a network the door
// judges here, admits or rejects at once and queues the scan; the queue syncs when the network
// returns and the server's conflicts are kept to show staff.
import { api, Offline } from './api.js';
import { store } from './store.js';
import { importKeys, verifyToken } from './token.js';

const state = {
  eventId: null, bundle: null, fetchedAt: null, ring: new Map(), revoked: new Set(),
  used: new Map(),     // ticketId -> {at, gate, deviceId, offline} known here
  roster: new Map(),   // ticketId -> {ticketNumber, ticketType, holderName}
  byNumber: new Map(), // upper-case ticket number -> ticketId
};

export function bundleInfo() {
  return { fetchedAt: state.fetchedAt, version: state.bundle && state.bundle.version, tickets: state.roster.size };
}

function index(record) {
  state.bundle = record.bundle;
  state.fetchedAt = record.fetchedAt;
  state.revoked = new Set(record.bundle.revokedTicketIds);
  const used = new Set(record.bundle.usedTicketIds);
  // A ticket undone since is no longer used, unless this device saw it admitted after the bundle.
  for (const [id, first] of [...state.used]) {
    if (first === null && !used.has(id)) state.used.delete(id);
  }
  for (const id of used) if (!state.used.has(id)) state.used.set(id, null);
  state.roster = new Map();
  state.byNumber = new Map();
  const roster = record.roster;
  if (roster) {
    for (const [ticketId, ticketNumber, type, holderName] of roster.tickets) {
      state.roster.set(ticketId, { ticketNumber, ticketType: roster.types[type], holderName });
      if (ticketNumber) state.byNumber.set(ticketNumber.toUpperCase(), ticketId);
    }
  }
}

/** Loads what IndexedDB holds for the event (instant, works offline), then refreshes in the background. */
export async function openEvent(eventId) {
  state.eventId = eventId;
  state.used = new Map();
  const record = await store.get('bundles', eventId);
  if (record) {
    index(record);
    state.ring = await importKeys(record.bundle.keys);
  } else {
    state.bundle = null;
    state.fetchedAt = null;
  }
  for (const q of await store.all('queue')) {
    if (q.eventId === eventId && q.deviceVerdict === 'ACCEPTED' && q.ticketId) {
      state.used.set(q.ticketId, { at: q.scannedAt, gate: q.gate, deviceId: q.deviceId, offline: true });
    }
  }
}

/** Conditional GETs (If-None-Match): a 304 costs a few bytes, so this runs every few seconds online. */
export async function refreshBundle() {
  const eventId = state.eventId;
  if (!eventId) return false;
  const held = await store.get('bundles', eventId);
  const bundle = await api(`/api/events/${eventId}/offline-bundle`, { etag: held && held.etag });
  const roster = await api(`/api/door/events/${eventId}/roster`, { etag: held && held.rosterEtag });
  if (bundle.status !== 200 && bundle.status !== 304) throw new Error('offline bundle: HTTP ' + bundle.status);
  const record = {
    eventId,
    etag: bundle.status === 200 ? bundle.etag : held.etag,
    bundle: bundle.status === 200 ? bundle.body : held.bundle,
    rosterEtag: roster.status === 200 ? roster.etag : held && held.rosterEtag,
    roster: roster.status === 200 ? roster.body : held && held.roster,
    fetchedAt: new Date().toISOString(),
  };
  await store.put('bundles', record);
  if (state.eventId !== eventId) return false;
  const changed = bundle.status === 200 || roster.status === 200;
  if (changed) {
    index(record);
    if (bundle.status === 200) state.ring = await importKeys(record.bundle.keys);
  } else {
    state.fetchedAt = record.fetchedAt;
  }
  return changed;
}

/** What an online verdict taught us, so a later offline scan of the same ticket knows. */
export function remember(verdict, gate, deviceId) {
  const id = verdict.ticket && verdict.ticket.ticketId;
  if (!id) return;
  if (verdict.verdict === 'ACCEPTED') state.used.set(id, { at: verdict.scannedAt, gate, deviceId, offline: false });
  else if (verdict.reason === 'ALREADY_USED' && verdict.firstScan) state.used.set(id, { ...verdict.firstScan, at: verdict.firstScan.scannedAt });
  else if (verdict.reason === 'REVOKED') state.revoked.add(id);
}

export function forget(ticketId) {
  state.used.delete(ticketId);
}

function ticketFacts(ticketId) {
  const t = state.roster.get(ticketId);
  return { ticketId, ...(t || {}) };
}

function doorsOpen(now) {
  const event = state.bundle && state.bundle.event;
  if (!event) return { open: true };
  if (event.status === 'CANCELLED') return { open: false, why: 'cancelled' };
  if (event.opensAt && now < Date.parse(event.opensAt)) return { open: false, why: 'early', opensAt: event.opensAt };
  if (event.closesAt && now > Date.parse(event.closesAt)) return { open: false, why: 'closed' };
  return { open: true };
}

/** The verdict without a network, in the server's shape (plus offline: true). */
export async function judge(qr, gate, deviceId) {
  const scannedAt = new Date().toISOString();
  const result = { offline: true, scannedAt };
  if (!state.bundle) return { ...result, verdict: 'CARE', reason: 'NO_BUNDLE' };
  const check = await verifyToken(qr, state.ring);
  if (check.outcome === 'NO_SECRET') return { ...result, verdict: 'CARE', reason: 'CANNOT_VERIFY_OFFLINE', ticket: ticketFacts(check.claims.ticketId) };
  if (check.outcome !== 'VALID') return { ...result, verdict: 'REJECTED', reason: 'INVALID_SIGNATURE' };
  const ticketId = check.claims.ticketId;
  if (check.claims.eventId !== state.eventId) return { ...result, verdict: 'REJECTED', reason: 'WRONG_EVENT', ticket: { ticketId } };
  return decide(ticketId, gate, deviceId, result);
}

/** Manual entry offline: the roster found the ticket, the same local checks decide. */
export function judgeTicket(ticketId, gate, deviceId) {
  return decide(ticketId, gate, deviceId, { offline: true, scannedAt: new Date().toISOString() });
}

function decide(ticketId, gate, deviceId, result) {
  const doors = doorsOpen(Date.now());
  const ticket = ticketFacts(ticketId);
  if (!doors.open) return { ...result, verdict: 'REJECTED', reason: 'EVENT_NOT_OPEN', doors, ticket };
  if (state.revoked.has(ticketId)) return { ...result, verdict: 'REJECTED', reason: 'REVOKED', ticket };
  if (state.used.has(ticketId)) {
    const first = state.used.get(ticketId);
    return { ...result, verdict: 'REJECTED', reason: 'ALREADY_USED', ticket,
      firstScan: first ? { scannedAt: first.at, gate: first.gate, deviceId: first.deviceId, offline: first.offline }
        : { scannedAt: null, beforeBundle: true } };
  }
  state.used.set(ticketId, { at: result.scannedAt, gate, deviceId, offline: true });
  return { ...result, verdict: 'ACCEPTED', ticket };
}

let sequence = Number(localStorage.getItem('door.nonce') || '0');

/** Every offline scan is queued (rejected ones too: the board counts who was turned away). */
export async function enqueue(entry) {
  sequence += 1;
  localStorage.setItem('door.nonce', String(sequence));
  const nonce = `${entry.deviceId}-${Date.now().toString(36)}-${sequence}`.slice(0, 64);
  await store.put('queue', { nonce, ...entry });
  return nonce;
}

export async function dequeue(nonce) {
  await store.delete('queue', nonce);
}

export const queueLength = () => store.count('queue');
export const conflicts = () => store.all('conflicts');

/**
 * Uploads the queue: scans through POST /api/scans/sync (idempotent per device and nonce, so a
 * retry after a lost answer changes nothing), manual admissions through /api/door/admissions.
 * @returns {{synced: number, conflicts: number}}
 */
export async function syncQueue(deviceId) {
  const queued = (await store.all('queue')).sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  let synced = 0;
  let found = 0;
  const scans = queued.filter(q => q.qr);
  for (let i = 0; i < scans.length; i += 500) {
    const batch = scans.slice(i, i + 500);
    const response = await api('/api/scans/sync', { method: 'POST', body: { deviceId, scans: batch.map(q => ({
      nonce: q.nonce, qr: q.qr, eventId: q.eventId, gate: q.gate, scannedAt: q.scannedAt, deviceVerdict: q.deviceVerdict })) } });
    if (response.status !== 200) throw new Error('sync: HTTP ' + response.status);
    for (const r of response.body.results) {
      const q = batch.find(b => b.nonce === r.nonce);
      if (r.conflict) {
        found += 1;
        await store.put('conflicts', { nonce: r.nonce, ticketId: r.ticketId, ticket: state.roster.get(r.ticketId) || null,
          here: { scannedAt: q.scannedAt, gate: q.gate }, other: r.otherScan || null });
      }
      await store.delete('queue', r.nonce);
      synced += 1;
    }
  }
  for (const q of queued.filter(m => m.manual)) {
    const response = await api('/api/door/admissions', { method: 'POST', body: {
      ticketId: q.ticketId, eventId: q.eventId, gate: q.gate, deviceId } });
    if (response.status !== 200) throw new Error('manual admission: HTTP ' + response.status);
    if (response.body.reason === 'ALREADY_USED' && q.deviceVerdict === 'ACCEPTED') {
      found += 1;
      await store.put('conflicts', { nonce: q.nonce, ticketId: q.ticketId, ticket: state.roster.get(q.ticketId) || null,
        here: { scannedAt: q.scannedAt, gate: q.gate }, other: response.body.firstScan || null });
    }
    await store.delete('queue', q.nonce);
    synced += 1;
  }
  return { synced, conflicts: found };
}

/** Offline manual search over the roster: the whole ticket number, or a part of the name. */
export function searchRoster(query) {
  const q = query.trim().toUpperCase();
  const exact = state.byNumber.get(q);
  const hits = [];
  if (exact) hits.push(exact);
  for (const [id, t] of state.roster) {
    if (hits.length >= 20) break;
    if (id !== exact && t.holderName && t.holderName.toUpperCase().includes(q)) hits.push(id);
  }
  return hits.map(id => {
    const used = state.used.get(id);
    return { ticketId: id, ...state.roster.get(id), status: state.revoked.has(id) ? 'REVOKED' : 'VALID',
      checkedInAt: used ? used.at || 'before the bundle' : null, checkedInGate: used ? used.gate : null };
  });
}

export { Offline };
