// "/": upcoming events, searched by name and filtered by city and date, ten to a page.
// The catalog lists upcoming events soonest first; the filtering happens here over that list
// (at most a few hundred upcoming events) until the catalog offers server-side search.
import { start, t, api, el, show, notice, money, dateTime, query } from 'site/site.js';

const PAGE_SIZE = 10;
const MAX_FETCH_PAGES = 5;

start('eventsTitle');

async function allUpcoming() {
  const items = [];
  for (let page = 0; page < MAX_FETCH_PAGES; page++) {
    const response = await api(`/api/events?page=${page}&size=100`);
    if (!response.ok) return page === 0 ? null : items;
    items.push(...response.data.items);
    if (page + 1 >= response.data.totalPages) break;
  }
  return items;
}

function tag(event) {
  if (event.isSoldOut) return el('strong', { class: 'tag tag--grey' }, t('tagSoldOut'));
  if (event.onSale) return el('strong', { class: 'tag tag--green' }, t('tagOnSale'));
  if (new Date(event.salesStartAt) > new Date()) {
    return el('strong', { class: 'tag tag--blue' }, t('tagSoon', { date: dateTime(event.salesStartAt, event.venue.timezone, 'medium') }));
  }
  return el('strong', { class: 'tag tag--grey' }, t('tagClosed'));
}

function card(event) {
  return el('li', { class: 'event-card' },
    el('h2', { class: 'event-card__title' }, el('a', { href: `/events/${encodeURIComponent(event.slug)}` }, event.name)),
    el('p', { class: 'event-card__when' }, el('time', { datetime: event.startsAt }, dateTime(event.startsAt, event.venue.timezone))),
    el('p', { class: 'event-card__where' }, `${event.venue.name}, ${event.venue.city}`),
    el('p', { class: 'event-card__meta' },
      event.priceFrom ? el('span', {}, t('from', { price: money(event.priceFrom.amountMinor, event.priceFrom.currency) })) : null,
      ' ', tag(event)));
}

function pageLink(params, page, label, rel) {
  const next = new URLSearchParams(params);
  next.set('page', String(page));
  return el('a', { href: `/?${next}`, rel, class: `pagination__link pagination__link--${rel}` }, label);
}

function fillForm(events) {
  const cities = [...new Set(events.map(e => e.venue.city).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const select = document.getElementById('city');
  select.replaceChildren(el('option', { value: '' }, t('anyCity')), ...cities.map(c => el('option', { value: c }, c)));
  document.getElementById('q').value = query('q') || '';
  select.value = query('city') || '';
  document.getElementById('date').value = query('date') || '';
}

async function render() {
  const events = await allUpcoming();
  if (events === null) {
    show(notice(t('genericError'), 'error'));
    return;
  }
  fillForm(events);
  const q = (query('q') || '').trim().toLocaleLowerCase();
  const city = query('city') || '';
  const date = query('date') || '';
  const matching = events.filter(e =>
    (!q || e.name.toLocaleLowerCase().includes(q))
    && (!city || e.venue.city === city)
    // the date the event happens on at its venue (en-CA formats as yyyy-mm-dd)
    && (!date || new Intl.DateTimeFormat('en-CA', { timeZone: e.venue.timezone }).format(new Date(e.startsAt)) >= date));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const page = Math.min(Math.max(1, Number(query('page')) || 1), pages);
  const shown = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const params = new URLSearchParams(location.search);
  const count = el('p', { class: 'results-count', role: 'status' },
    matching.length === 1 ? t('resultsOne') : t('resultsCount', { count: matching.length }));
  if (!matching.length) {
    show(count, el('p', {}, t('noResults')));
    return;
  }
  const nav = pages > 1 ? el('nav', { class: 'pagination', 'aria-label': t('paginationLabel') },
    page > 1 ? pageLink(params, page - 1, t('previous'), 'prev') : null,
    el('span', { class: 'pagination__status' }, t('pageOf', { page, pages })),
    page < pages ? pageLink(params, page + 1, t('next'), 'next') : null) : null;
  show(count, el('ul', { class: 'event-list' }, shown.map(card)), nav);
}

render();
