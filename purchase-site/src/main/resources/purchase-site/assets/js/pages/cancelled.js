// "/checkout/cancelled?order=…": the buyer left the payment page. The hold is still there: pay
// again (same checkout session) or simply let it lapse.
import { start, t, el, show, notice, query, orders, fetchOrder, money } from 'site/site.js';
import { summary, holdTimer } from 'site/order-summary.js';

start('cancelledTitle');

const orderId = query('order');
const saved = orderId && orders.get(orderId);

function expired() {
  show(el('h1', {}, t('holdExpired')), el('p', {}, t('holdExpiredText')),
    el('p', {}, el('a', { class: 'button', href: saved && saved.slug ? `/events/${encodeURIComponent(saved.slug)}` : '/' }, t('chooseAgain'))));
}

async function render() {
  if (!saved) {
    show(el('h1', {}, t('orderMissing')), el('p', {}, t('orderMissingText')));
    return;
  }
  const response = await fetchOrder(orderId, saved.token);
  if (!response.ok) {
    show(notice(t('genericError'), 'error'));
    return;
  }
  const order = response.data;
  if (order.status === 'CONFIRMED') {
    show(el('h1', {}, t('cancelledConfirmed')),
      el('p', {}, el('a', { class: 'button', href: `/checkout/success?order=${encodeURIComponent(orderId)}` }, t('viewTickets'))));
    return;
  }
  if (order.status !== 'AWAITING_PAYMENT') {
    expired();
    return;
  }
  const timer = holdTimer(order, 'cancelledText', expired);
  show(el('h1', {}, t('cancelledTitle')), timer.node, summary(order),
    order.checkoutUrl
      ? el('p', {}, el('a', { class: 'button', id: 'pay', href: order.checkoutUrl }, t('payAgain')),
        ' ', el('span', { class: 'hint' }, money(order.totalMinor, order.currency)))
      : el('p', {}, el('a', { class: 'button', href: `/checkout?order=${encodeURIComponent(orderId)}` }, t('payAgain'))),
    el('h2', {}, t('releaseHeading')),
    el('p', {}, t('releaseText', { time: timer.endsAt })));
}

render();
