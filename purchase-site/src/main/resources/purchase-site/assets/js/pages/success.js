// "/checkout/success?order=…&session_id=…": the payment provider sends the buyer here. Payment is
// confirmed by a webhook, which may land a moment after the browser: wait for CONFIRMED, then for
// the tickets, and show them. A payment that arrived after the hold and found the tickets sold is
// refunded: say so plainly.
import { start, t, el, show, notice, query, orders, fetchOrder, wait } from 'site/site.js';
import { ticketsView, fetchTickets } from 'site/tickets-view.js';

start('successTitle');

const orderId = query('order');
const saved = orderId && orders.get(orderId);
const REFUNDED = ['REJECTED', 'REFUND_REQUESTED', 'REFUNDED', 'CANCELLED'];

async function render() {
  if (!saved) {
    show(el('h1', {}, t('successTitle')), el('p', {}, t('orderMissingText')),
      el('p', {}, el('a', { href: '/tickets/resend' }, t('navResend'))));
    return;
  }
  const status = el('div', { role: 'status', 'aria-live': 'polite' }, el('p', { class: 'spinner' }, t('waitingPayment')));
  show(el('h1', {}, t('successTitle')), status);
  let order = null;
  // About two minutes: webhooks are retried, a slow one still lands within that.
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await fetchOrder(orderId, saved.token);
    if (response.ok) {
      order = response.data;
      if (order.status === 'CONFIRMED' || REFUNDED.includes(order.status)) break;
      if (order.status === 'EXPIRED' && attempt > 20) break;
    }
    await wait(1000);
  }
  if (!order || order.status === 'AWAITING_PAYMENT' || order.status === 'EXPIRED') {
    status.replaceChildren(notice(t('stillWaiting')));
    return;
  }
  if (REFUNDED.includes(order.status)) {
    show(el('h1', {}, t('lateRefund')), notice(t('lateRefundText'), 'important'),
      el('p', {}, el('a', { href: saved.slug ? `/events/${encodeURIComponent(saved.slug)}` : '/' }, t('chooseAgain'))));
    return;
  }
  status.replaceChildren(el('p', { class: 'spinner' }, t('waitingTickets')));
  for (let attempt = 0; attempt < 60; attempt++) {
    const response = await fetchTickets(orderId, saved.token);
    if (response.ok && response.data.tickets.length) {
      show(el('div', { class: 'panel', role: 'status' },
        el('h1', { class: 'panel__title' }, t('confirmedHeading')),
        el('p', {}, t('confirmedText'))),
        ticketsView(response.data, saved.token));
      return;
    }
    await wait(1000);
  }
  status.replaceChildren(notice(t('stillWaiting')));
}

render();
