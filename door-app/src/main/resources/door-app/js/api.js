// The only way the app talks to the server: /api through the gateway, with the door's token.
import { accessToken, refresh } from './auth.js';

export class Offline extends Error {}

export async function api(path, { method = 'GET', body, etag } = {}) {
  const send = () => {
    const headers = { Accept: 'application/json', Authorization: 'Bearer ' + accessToken() };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (etag) headers['If-None-Match'] = etag;
    return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  };
  if (!navigator.onLine) throw new Offline('offline');
  let response;
  try {
    response = await send();
    if (response.status === 401 && await refresh()) response = await send();
  } catch (e) {
    throw new Offline(e.message);
  }
  let json = null;
  const type = response.headers.get('Content-Type') || '';
  if (response.status !== 204 && response.status !== 304 && type.includes('json')) json = await response.json();
  return { status: response.status, body: json, etag: response.headers.get('ETag') };
}
