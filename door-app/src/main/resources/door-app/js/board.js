// The gate board: who is in per type and gate against capacity, who was turned away and why, the
// last scans, offline conflicts. Refreshed every few seconds while it is on screen.
import { api } from './api.js';
import { reasonText, time } from './verdict.js';

function element(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = text;
  if (className) e.className = className;
  return e;
}

function table(caption, headings, rows) {
  const t = element('table', null, 'board-table');
  t.append(element('caption', caption));
  const head = element('tr');
  headings.forEach((h, i) => head.append(Object.assign(element('th', h, i > 0 ? 'num' : ''), { scope: 'col' })));
  t.append(head);
  for (const row of rows) {
    const tr = element('tr');
    row.forEach((cell, i) => tr.append(element('td', cell, i > 0 && typeof cell === 'number' ? 'num' : '')));
    t.append(tr);
  }
  if (!rows.length) t.append(element('tr')).append(Object.assign(element('td', 'None yet'), { colSpan: headings.length }));
  return t;
}

export async function renderBoard(container, eventId, localConflicts) {
  const [board, recent] = await Promise.all([
    api(`/api/events/${eventId}/checkins`),
    api(`/api/door/events/${eventId}/recent-scans?limit=10`),
  ]);
  if (board.status !== 200) throw new Error('board: HTTP ' + board.status);
  const b = board.body;
  const turnedAway = Object.values(b.rejectedByReason || {}).reduce((s, n) => s + n, 0);
  const tiles = element('div', null, 'tiles');
  const tile = (label, value) => {
    const d = element('div', null, 'tile');
    d.append(element('b', value), element('span', label));
    return d;
  };
  tiles.append(tile('inside', b.venueCapacity ? `${b.inside} / ${b.venueCapacity}` : String(b.inside)),
    tile('turned away', String(turnedAway)), tile('offline conflicts', String(b.offlineConflicts)),
    tile('undone', String(b.undoneCheckIns)));
  const parts = [element('h2', b.eventName || ''), tiles,
    table('By ticket type', ['Type', 'Inside', 'Capacity'],
      b.byTicketType.map(l => [l.name || '—', l.inside, l.capacity == null ? '—' : l.capacity])),
    table('By gate', ['Gate', 'Inside'], b.byGate.map(l => [l.gate || '—', l.inside])),
    table('Turned away', ['Reason', 'Scans'],
      Object.entries(b.rejectedByReason || {}).map(([reason, n]) => [reasonText({ reason }), n]))];
  if (recent.status === 200) {
    parts.push(table('Last scans', ['When', 'Gate', 'Verdict'], recent.body.map(s => [
      time(s.scannedAt), s.gate, s.verdict === 'ACCEPTED'
        ? `IN ${s.holderName || ''} ${s.ticketType || s.ticketTypeName || ''}`.trim()
        : `NO: ${reasonText({ reason: s.reason })}` + (s.offline ? ' (offline)' : '')])));
  }
  if (localConflicts.length) {
    parts.push(table('Conflicts from this device', ['Ticket', 'Here', 'Also let in'], localConflicts.map(c => [
      c.ticket ? `${c.ticket.ticketNumber} ${c.ticket.holderName || ''}` : c.ticketId,
      `${time(c.here.scannedAt)} ${c.here.gate}`, c.other ? `${time(c.other.scannedAt)} ${c.other.gate} ${c.other.deviceId}` : '?'])));
  }
  container.replaceChildren(...parts);
  return b;
}
