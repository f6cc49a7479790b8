// Taquilla QR ticket tokens, checked in the browser (format: docs/services/ticketing-service.md,
// "QR token format"; the Java twin is platform-ticket-token's QrTokenVerifier).
//   base64url(header || signature), no padding, canonical
//   header (45 bytes) = version 0x01 | key id (4) | ticket id (16) | event id (16) | ticket type low 64 bits (8)
//   signature = Ed25519 (64 bytes) or HMAC-SHA256 (32 bytes) over the header
export const HEADER_LENGTH = 45;
const SIGNATURE_LENGTH = { Ed25519: 64, HmacSHA256: 32 };
const ALPHABET = /^[A-Za-z0-9_-]+$/;

function base64UrlDecode(text) {
  if (!text || text.length > 150 || !ALPHABET.test(text)) return null;
  let bytes;
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - b64.length % 4) % 4));
    bytes = Uint8Array.from(bin, c => c.charCodeAt(0));
  } catch (e) {
    return null;
  }
  // Canonical only: two texts must never decode to the same bytes.
  return base64UrlEncode(bytes) === text ? bytes : null;
}

export function base64UrlEncode(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hex(bytes) {
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

function uuid(bytes) {
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The header's claims, or null when the text is not a token of ours at all. */
export function parseToken(text) {
  const bytes = base64UrlDecode(text);
  if (!bytes || bytes.length <= HEADER_LENGTH) return null;
  return {
    bytes,
    version: bytes[0],
    keyId: hex(bytes.subarray(1, 5)),
    ticketId: uuid(bytes.subarray(5, 21)),
    eventId: uuid(bytes.subarray(21, 37)),
    ticketTypeLow64: hex(bytes.subarray(37, 45)),
  };
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), c => c.charCodeAt(0));
}

/**
 * Imports the bundle's keys once. Ed25519 public keys through WebCrypto; HMAC keys only when the
 * bundle carries their secret (it does not today: a device holding an HMAC secret could mint
 * tickets), otherwise they are kept as "known but not checkable here".
 */
export async function importKeys(keys) {
  const ring = new Map();
  for (const key of keys || []) {
    try {
      if (key.algorithm === 'Ed25519' && key.publicKey) {
        ring.set(key.keyId, { algorithm: 'Ed25519', key: await crypto.subtle.importKey('raw', fromBase64(key.publicKey),
          { name: 'Ed25519' }, false, ['verify']) });
      } else if (key.algorithm === 'HmacSHA256' && key.secret) {
        ring.set(key.keyId, { algorithm: 'HmacSHA256', key: await crypto.subtle.importKey('raw', fromBase64(key.secret),
          { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']) });
      } else if (key.algorithm === 'HmacSHA256') {
        ring.set(key.keyId, { algorithm: 'HmacSHA256', key: null });
      }
    } catch (e) {
      console.warn('door: key not usable here', key.keyId, e);
    }
  }
  return ring;
}

/** @returns {Promise<{outcome: 'VALID'|'MALFORMED'|'UNKNOWN_KEY'|'BAD_SIGNATURE'|'NO_SECRET', claims}>} */
export async function verifyToken(text, ring) {
  const claims = parseToken(text);
  if (!claims) return { outcome: 'MALFORMED', claims: null };
  if (claims.version !== 1) return { outcome: 'MALFORMED', claims };
  const key = ring.get(claims.keyId);
  if (!key) return { outcome: 'UNKNOWN_KEY', claims };
  if (claims.bytes.length !== HEADER_LENGTH + SIGNATURE_LENGTH[key.algorithm]) return { outcome: 'MALFORMED', claims };
  if (!key.key) return { outcome: 'NO_SECRET', claims };
  const header = claims.bytes.subarray(0, HEADER_LENGTH);
  const signature = claims.bytes.subarray(HEADER_LENGTH);
  const good = key.algorithm === 'Ed25519'
    ? await crypto.subtle.verify({ name: 'Ed25519' }, key.key, signature, header)
    : await crypto.subtle.verify('HMAC', key.key, signature, header); // constant-time inside WebCrypto
  return { outcome: good ? 'VALID' : 'BAD_SIGNATURE', claims };
}
