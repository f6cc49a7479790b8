// One order's tickets as the buyer sees them: QR, number, type, holder, status; PDF and calendar.
// The QR image and the PDF come from the ticket API, so the page, the PDF and the email show the
// same ticket.
import { t, el, api, dateTime } from 'site/site.js';

const enc = encodeURIComponent;

export function ticketsView(tickets, token) {
  // ticketing says where the calendar file is (calendarPath + ?token=); older back ends do not.
  const calendar = tickets.calendarPath
    ? el('a', { class: 'button button--secondary', id: 'add-to-calendar', href: `${tickets.calendarPath}?token=${enc(token)}`, download: 'event.ics' }, t('addToCalendar'))
    : null;
  const hasValid = tickets.tickets.some(ticket => ticket.status === 'ISSUED');
  return el('section', { class: 'tickets', 'aria-labelledby': 'tickets-title' },
    el('h2', { id: 'tickets-title' }, t('ticketsFor', { event: tickets.eventName })),
    el('p', {}, tickets.venueName, tickets.eventStartsAt ? ' — ' : '',
      tickets.eventStartsAt ? el('time', { datetime: tickets.eventStartsAt }, dateTime(tickets.eventStartsAt, tickets.venueTimezone)) : ''),
    el('div', { class: 'actions' },
      hasValid ? el('a', { class: 'button', id: 'download-pdf', href: `/api/tickets/orders/${enc(tickets.orderId)}/pdf?token=${enc(token)}`, download: `tickets-${tickets.orderId}.pdf` }, t('downloadPdf')) : null,
      calendar),
    el('ol', { class: 'ticket-list' }, tickets.tickets.map(ticket => el('li', { class: `ticket ticket--${ticket.status.toLowerCase()}` },
      ticket.status === 'REVOKED'
        ? el('p', { class: 'ticket__revoked' }, t('qrRevoked'))
        : el('img', { class: 'ticket__qr', width: 240, height: 240, src: `/api/tickets/${enc(ticket.ticketId)}/qr.png?token=${enc(token)}`, alt: t('qrAlt', { number: ticket.ticketNumber }) }),
      el('dl', { class: 'summary-list summary-list--compact' },
        el('div', {}, el('dt', {}, t('ticketNumber')), el('dd', { class: 'ticket__number' }, ticket.ticketNumber)),
        el('div', {}, el('dt', {}, t('ticketType')), el('dd', {}, ticket.ticketTypeName)),
        el('div', {}, el('dt', {}, t('holder')), el('dd', {}, ticket.holderName)),
        el('div', {}, el('dt', {}, t('status')), el('dd', {}, el('strong', { class: `tag tag--${ticket.status.toLowerCase()}` }, t(`status${ticket.status}`)))))))));
}

/** The tickets, plus the venue's time zone from the catalog (the ticket API does not carry it). */
export async function fetchTickets(orderId, token) {
  const response = await api(`/api/tickets/orders/${enc(orderId)}`, { headers: { 'X-Order-Token': token } });
  if (response.ok && !response.data.venueTimezone && response.data.catalogEventId) {
    const event = await api(`/api/events/${enc(response.data.catalogEventId)}`);
    if (event.ok) response.data.venueTimezone = event.data.venue.timezone;
  }
  return response;
}
