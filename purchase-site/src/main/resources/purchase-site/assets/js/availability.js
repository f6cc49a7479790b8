// Live availability: order-service's server-sent events stream (event "availability", same JSON
// as GET /api/events/{id}/availability). EventSource reconnects by itself and sends Last-Event-ID.
// When the stream is not there (older back end), fall back to polling the plain endpoint.
import { api } from 'site/site.js';

const POLL_MS = 5000;

export function watchAvailability(eventId, onChange) {
  const path = `/api/events/${encodeURIComponent(eventId)}/availability`;
  let polling = null;
  const poll = async () => {
    const response = await api(path);
    if (response.ok) onChange(response.data);
  };
  const startPolling = () => {
    if (polling) return;
    poll();
    polling = setInterval(poll, POLL_MS);
  };
  if (!('EventSource' in window)) {
    startPolling();
    return;
  }
  let opened = false;
  const source = new EventSource(`${path}/stream`);
  source.addEventListener('open', () => { opened = true; });
  source.addEventListener('availability', message => {
    try { onChange(JSON.parse(message.data)); } catch { /* a malformed message is skipped */ }
  });
  source.addEventListener('error', () => {
    // Never connected: the stream does not exist here. Connected before: EventSource retries.
    if (!opened || source.readyState === EventSource.CLOSED) {
      source.close();
      startPolling();
    }
  });
  poll();
}
