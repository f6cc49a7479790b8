// Shared by every page: language, text, API calls, formatting, small DOM and form helpers.
import { messages } from 'site/messages.js';

const LANG_KEY = 'taquilla.lang';

/** 'en' or 'es': the visitor's choice from the switch, else the browser's preference. */
export function lang() {
  const chosen = localStorage.getItem(LANG_KEY);
  if (chosen === 'en' || chosen === 'es') return chosen;
  for (const l of navigator.languages || [navigator.language]) {
    if (/^es\b/i.test(l)) return 'es';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** The Intl locale: the browser's own variant when it speaks the chosen language (en-GB, es-MX). */
export function locale() {
  const l = lang();
  const own = (navigator.languages || [navigator.language]).find(x => x.toLowerCase().startsWith(l));
  return own || (l === 'es' ? 'es-ES' : 'en-GB');
}

export function t(key, vars = {}) {
  const text = messages[lang()][key] ?? messages.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** Fills [data-i18n] elements, the title and the language switch; call once per page. */
export function start(titleKey) {
  const l = lang();
  document.documentElement.lang = l;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  if (titleKey) document.title = `${t(titleKey)} – Taquilla`;
  const toggle = document.getElementById('lang-switch');
  if (toggle) {
    toggle.textContent = t('switchTo');
    toggle.lang = l === 'es' ? 'en' : 'es';
    toggle.setAttribute('aria-label', t('switchToLabel'));
    toggle.addEventListener('click', () => {
      localStorage.setItem(LANG_KEY, l === 'es' ? 'en' : 'es');
      location.reload();
    });
  }
}

/**
 * Calls the API on this origin. Never throws: {ok, status, data, problem, retryAfter}; status 0
 * means the network failed.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json, application/problem+json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    return { ok: false, status: 0, data: null, problem: null };
  }
  let data = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { data = await response.json(); } catch { data = null; }
  }
  const slug = !response.ok && data && typeof data.type === 'string' ? data.type.split('/').pop() : null;
  return {
    ok: response.ok, status: response.status, data: response.ok ? data : null,
    problem: response.ok ? null : { ...(data || {}), slug },
    retryAfter: Number(response.headers.get('Retry-After')) || (data && data.retryAfterSeconds) || 30,
  };
}

// ---- formatting (locale from the language switch, times in the venue's zone) ----

export function money(amountMinor, currency) {
  const format = new Intl.NumberFormat(locale(), { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(amountMinor / 10 ** digits);
}

export function dateTime(iso, timeZone, style = 'full') {
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: style, timeStyle: 'short', timeZone: timeZone || undefined,
  }).format(new Date(iso));
}

export function time(iso, timeZone) {
  return new Intl.DateTimeFormat(locale(), { timeStyle: 'short', timeZone: timeZone || undefined }).format(new Date(iso));
}

/** "Central European Standard Time" style name of the zone, for the "times are local" note. */
export function zoneName(iso, timeZone) {
  try {
    const parts = new Intl.DateTimeFormat(locale(), { timeZone, timeZoneName: 'long' }).formatToParts(new Date(iso));
    return (parts.find(p => p.type === 'timeZoneName') || {}).value || timeZone;
  } catch {
    return timeZone;
  }
}

/** m:ss left until the instant, or null once it has passed. */
export function remaining(iso) {
  const ms = new Date(iso).getTime() - Date.now();
  if (ms <= 0) return null;
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

// ---- DOM ----

/** el('p', {class: 'x'}, 'text', child): text is always text, never HTML. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value == null) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export const main = () => document.getElementById('content');

export function show(...nodes) {
  main().replaceChildren(...nodes);
}

export function notice(text, kind = 'info') {
  return el('div', { class: `notice notice--${kind}`, role: kind === 'error' ? 'alert' : 'status' }, el('p', {}, text));
}

export function query(name) {
  return new URLSearchParams(location.search).get(name);
}

// ---- forms, the GOV.UK way: error summary on top linking to fields, message next to the field ----

export function clearErrors(form) {
  form.querySelector('.error-summary')?.remove();
  for (const group of form.querySelectorAll('.form-group--error')) group.classList.remove('form-group--error');
  for (const message of form.querySelectorAll('.error-message')) message.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) {
    input.removeAttribute('aria-invalid');
    input.setAttribute('aria-describedby', (input.getAttribute('aria-describedby') || '')
      .split(' ').filter(id => !id.endsWith('-error')).join(' '));
  }
}

/** errors: [{id: field id, message}] — shows them all and moves focus to the summary. */
export function showErrors(form, errors) {
  clearErrors(form);
  const items = errors.map(({ id, message }) => {
    const field = document.getElementById(id);
    if (field) {
      const messageId = `${id}-error`;
      const text = el('p', { class: 'error-message', id: messageId },
        el('span', { class: 'visually-hidden' }, `${t('errorPrefix')} `), message);
      if (field.matches('input, select, textarea')) {
        (field.closest('.form-group') || field.parentElement).classList.add('form-group--error');
        field.before(text);
        field.setAttribute('aria-invalid', 'true');
        field.setAttribute('aria-describedby', `${field.getAttribute('aria-describedby') || ''} ${messageId}`.trim());
      } else {
        // A fieldset or a message slot: the message goes inside it, under its legend.
        field.classList.add('form-group--error');
        const legend = field.querySelector(':scope > legend');
        if (legend) legend.after(text); else field.prepend(text);
      }
    }
    return el('li', {}, field ? el('a', { href: `#${id}` }, message) : message);
  });
  const summary = el('div', { class: 'error-summary', tabindex: '-1', role: 'alert', 'aria-labelledby': 'error-summary-title' },
    el('h2', { class: 'error-summary__title', id: 'error-summary-title' }, t('errorSummaryTitle')),
    el('ul', { class: 'error-summary__list' }, items));
  summary.addEventListener('click', event => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    const target = document.getElementById(link.hash.slice(1));
    if (target) {
      event.preventDefault();
      target.scrollIntoView({ block: 'center' });
      target.focus();
    }
  });
  form.prepend(summary);
  summary.focus();
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// ---- orders opened in this browser: their access token is kept so success/cancel pages can read them ----

export const orders = {
  save(orderId, token, slug) {
    localStorage.setItem(`taquilla.order.${orderId}`, JSON.stringify({ token, slug }));
  },
  get(orderId) {
    try { return JSON.parse(localStorage.getItem(`taquilla.order.${orderId}`)) || null; } catch { return null; }
  },
};

export function fetchOrder(orderId, token) {
  return api(`/api/orders/${encodeURIComponent(orderId)}`, { headers: { 'X-Order-Token': token } });
}

export const wait = ms => new Promise(resolve => setTimeout(resolve, ms));
