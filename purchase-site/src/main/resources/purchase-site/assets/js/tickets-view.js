// One order's tickets as the buyer sees them: QR, number, type, holder, status; PDF and calendar.
// The QR image and the PDF come from the ticket API, so the page, the PDF and the email show the
// same ticket.
import { t, el, api, dateTime } from 'site/site.js';

const enc = encodeURIComponent;

/** The calendar file's address (render branch); the link shows only when the server has it. */
export const calendarPath = (orderId, token) => `/api/orders/${enc(orderId)}/tickets.ics?token=${enc(token)}`;

export function ticketsView(tickets, token) {
  const calendar = el('span', { class: 'calendar-slot' });
  api(calendarPath(tickets.orderId, token)).then(response => {
    // Any 2xx means the calendar exists (the body is text/calendar, not JSON).
    if (response.status >= 200 && response.status < 300) {
      calendar.replaceChildren(el('a', { class: 'button button--secondary', href: calendarPath(tickets.orderId, token), download: 'tickets.ics' }, t('addToCalendar')));
    }
  });
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

export function fetchTickets(orderId, token) {
  return api(`/api/tickets/orders/${enc(orderId)}`, { headers: { 'X-Order-Token': token } });
}
