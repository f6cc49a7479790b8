// "/tickets/{orderId}?token=…": the link in the tickets email and SMS.
import { start, t, el, show, notice, query, orders } from 'site/site.js';
import { ticketsView, fetchTickets } from 'site/tickets-view.js';

start('ticketsTitle');

const orderId = decodeURIComponent(location.pathname.split('/')[2] || '');
const token = query('token') || (orders.get(orderId) || {}).token;

async function render() {
  if (!orderId || !token) {
    show(el('h1', {}, t('ticketsTitle')), notice(t('ticketsNotFound'), 'error'),
      el('p', {}, el('a', { href: '/tickets/resend' }, t('navResend'))));
    return;
  }
  const response = await fetchTickets(orderId, token);
  if (!response.ok) {
    const notReady = response.status === 404;
    show(el('h1', {}, t('ticketsTitle')), notice(t(notReady ? 'ticketsNotReady' : 'ticketsNotFound'), notReady ? 'info' : 'error'),
      el('p', {}, el('a', { href: '/tickets/resend' }, t('navResend'))));
    return;
  }
  document.title = `${t('ticketsFor', { event: response.data.eventName })} – Taquilla`;
  show(el('h1', {}, t('ticketsTitle')), ticketsView(response.data, token));
}

render();
