// "/events/{slug}": the event, its ticket types with live availability, and the order form.
import { start, t, api, el, show, notice, money, dateTime, zoneName, main } from 'site/site.js';
import { orderForm } from 'site/order-form.js';
import { watchAvailability } from 'site/availability.js';

start();

const slug = decodeURIComponent(location.pathname.replace(/^\/events\//, '').replace(/\/$/, ''));

function saleState(event) {
  if (event.status === 'CANCELLED') return { key: 'eventCancelled' };
  if (event.availability && event.availability.isSoldOut) return { key: 'eventSoldOut' };
  if (event.onSale) return null;
  if (new Date(event.salesStartAt) > new Date()) {
    return { key: 'eventNotOnSaleYet', vars: { date: dateTime(event.salesStartAt, event.venue.timezone) } };
  }
  return { key: 'eventSalesClosed' };
}

function typeRow(type, currency) {
  return el('li', { class: 'ticket-type', 'data-type': type.id },
    el('h3', { class: 'ticket-type__name' }, type.name),
    el('p', { class: 'ticket-type__price' }, money(type.price.amountMinor, type.price.currency || currency)),
    el('p', { class: 'ticket-type__fee' }, type.fee ? money(type.fee.amountMinor, type.fee.currency) : t('noFee')),
    el('p', { class: 'ticket-type__left' }, availabilityText(type.availability)));
}

function availabilityText(a) {
  if (!a) return '';
  return a.soldOut || a.available <= 0 ? t('soldOut') : t('left', { count: a.available });
}

async function render() {
  const response = await api(`/api/events/${encodeURIComponent(slug)}`);
  if (!response.ok) {
    document.title = `${t('eventNotFound')} – Taquilla`;
    show(el('h1', {}, t('eventNotFound')), el('p', {}, el('a', { href: '/' }, t('backToEvents'))));
    return;
  }
  const event = response.data;
  const zone = event.venue.timezone;
  document.title = `${event.name} – Taquilla`;
  const flyerUrl = event.flyerUrl || (event.flyer && event.flyer.url);
  const state = saleState(event);
  const stateNotice = el('div', { id: 'sale-state' }, state ? notice(t(state.key, state.vars), 'important') : null);
  const types = el('ul', { class: 'ticket-types' }, event.ticketTypes.map(type => typeRow(type)));
  const live = el('p', { class: 'visually-hidden', role: 'status', id: 'availability-announcer' });
  const formSlot = el('div', { id: 'order' });
  show(
    el('p', { class: 'back-link-wrap' }, el('a', { class: 'back-link', href: '/' }, t('backToEvents'))),
    el('h1', {}, event.name),
    flyerUrl ? el('img', { class: 'flyer', src: flyerUrl, alt: t('flyerAlt', { name: event.name }) }) : null,
    el('dl', { class: 'summary-list' },
      el('div', {}, el('dt', {}, t('when')), el('dd', {}, el('time', { datetime: event.startsAt }, dateTime(event.startsAt, zone)))),
      event.doorsOpenAt ? el('div', {}, el('dt', {}, t('doors')), el('dd', {}, dateTime(event.doorsOpenAt, zone, 'medium'))) : null,
      el('div', {}, el('dt', {}, t('where')), el('dd', {}, el('span', { class: 'venue-name' }, event.venue.name),
        el('br'), event.venue.address, el('br'), event.venue.city))),
    el('p', { class: 'hint' }, t('timesIn', { zone: zoneName(event.startsAt, zone) })),
    event.description ? el('section', { 'aria-labelledby': 'about' },
      el('h2', { id: 'about' }, t('about')), el('p', { class: 'description' }, event.description)) : null,
    el('section', { 'aria-labelledby': 'tickets-heading' },
      el('h2', { id: 'tickets-heading' }, t('ticketsHeading')),
      stateNotice, types, el('p', { class: 'hint' }, t('liveAvailability')), live),
    formSlot);

  const form = state ? null : orderForm(event);
  if (form) formSlot.replaceChildren(form.node);

  // Live counts: the SSE stream when order-service offers it, else the plain availability endpoint.
  watchAvailability(event.id, availability => {
    let anyLeft = false;
    for (const type of availability.ticketTypes) {
      const row = main().querySelector(`[data-type="${type.ticketTypeId}"] .ticket-type__left`);
      const wasSoldOut = row && row.textContent === t('soldOut');
      const soldOut = type.soldOut || type.available <= 0;
      if (row) row.textContent = availabilityText({ soldOut, available: type.available });
      if (soldOut && !wasSoldOut && row) live.textContent = t('nowSoldOut', { type: type.name });
      if (!soldOut) anyLeft = true;
      form?.updateAvailability(type.ticketTypeId, type.available);
    }
    if (!anyLeft && event.onSale) {
      stateNotice.replaceChildren(notice(t('eventSoldOut'), 'important'));
      form?.node.remove();
    }
  });
}

render();
