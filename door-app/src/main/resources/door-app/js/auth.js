// Who the door is. Two ways in, chosen by /door/config.json:
//  - oidc: authorization code + PKCE against identity-service as the public client "door-app",
//    redirect /door/callback, refresh token kept for the shift (until sign-out or revocation);
//  - devLogin (local stack only): a pasted door token.
const KEY = 'door.auth';
const PKCE = 'door.pkce';

let config = { devLogin: false };
let auth = JSON.parse(localStorage.getItem(KEY) || 'null');

export async function loadConfig() {
  try {
    const response = await fetch('/door/config.json', { cache: 'no-store' });
    if (response.ok) {
      config = await response.json();
      localStorage.setItem('door.config', JSON.stringify(config));
    }
  } catch (e) {
    config = JSON.parse(localStorage.getItem('door.config') || '{"devLogin":false}');
  }
  return config;
}

export function claims(token = auth && auth.accessToken) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(part + '='.repeat((4 - part.length % 4) % 4)))));
  } catch (e) {
    return null;
  }
}

export function signedIn() {
  return !!(auth && auth.accessToken);
}

export function accessToken() {
  return auth && auth.accessToken;
}

function save(next) {
  auth = next;
  if (next) localStorage.setItem(KEY, JSON.stringify(next)); else localStorage.removeItem(KEY);
}

/** Dev sign-in: accepts a JWT carrying the door role. */
export function useDevToken(token) {
  const c = claims(token.trim());
  if (!c) return 'That is not a token (three base64 parts separated by dots).';
  if (!(c.roles || []).includes('door')) return 'This token has no door role.';
  if (c.exp && c.exp * 1000 < Date.now()) return 'This token has expired.';
  save({ mode: 'dev', accessToken: token.trim() });
  return null;
}

/** The device id the scanner logs: the token's registered device, else one made up once here. */
export function deviceId() {
  const c = claims();
  if (c && c.device_id) return c.device_id;
  let id = localStorage.getItem('door.device');
  if (!id) {
    id = 'door-' + crypto.getRandomValues(new Uint32Array(2)).reduce((s, n) => s + n.toString(36), '');
    localStorage.setItem('door.device', id);
  }
  return id;
}

export function staffName() {
  const c = claims();
  return c ? (c.name || c.email || c.sub) : '';
}

function randomText(bytes) {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))))
    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function challenge(verifier) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function redirectUri() {
  return location.origin + '/door/callback';
}

export async function startOidc(deviceName) {
  const verifier = randomText(48);
  const state = randomText(16);
  sessionStorage.setItem(PKCE, JSON.stringify({ verifier, state }));
  const url = new URL(config.oidc.issuer.replace(/\/$/, '') + '/oauth2/authorize');
  url.search = new URLSearchParams({
    response_type: 'code', client_id: config.oidc.clientId, redirect_uri: redirectUri(),
    scope: 'openid offline_access', state, code_challenge: await challenge(verifier), code_challenge_method: 'S256',
    ...(deviceName ? { device_name: deviceName } : {}),
  }).toString();
  location.assign(url.toString());
}

async function tokenRequest(form) {
  const response = await fetch(config.oidc.issuer.replace(/\/$/, '') + '/oauth2/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.oidc.clientId, ...form }).toString(),
  });
  if (!response.ok) throw new Error('token endpoint answered ' + response.status);
  const body = await response.json();
  save({ mode: 'oidc', accessToken: body.access_token, refreshToken: body.refresh_token || (auth && auth.refreshToken),
    expiresAt: Date.now() + (body.expires_in || 300) * 1000 });
}

/** On /door/callback: trade the code for tokens. @returns true when a callback was handled */
export async function finishOidc() {
  if (location.pathname !== '/door/callback') return false;
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(PKCE) || 'null');
  sessionStorage.removeItem(PKCE);
  history.replaceState(null, '', '/door/');
  if (!pending || params.get('state') !== pending.state || !params.get('code')) return true;
  await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier });
  return true;
}

/** @returns true when a fresh access token was obtained */
export async function refresh() {
  if (!auth || auth.mode !== 'oidc' || !auth.refreshToken || !config.oidc) return false;
  try {
    await tokenRequest({ grant_type: 'refresh_token', refresh_token: auth.refreshToken });
    return true;
  } catch (e) {
    return false;
  }
}

export function signOut() {
  save(null);
}

export function configuration() {
  return config;
}
