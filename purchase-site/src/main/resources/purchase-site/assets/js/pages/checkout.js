// "/checkout?order=…": the order just placed, the hold countdown and the hand-off to the payment
// page (Stripe Checkout, or the local simulator). The link appears once payment-service has
// opened the checkout session (a second or two after the order).
import { start, t, el, show, notice, query, orders, fetchOrder, wait, money } from 'site/site.js';
import { summary, holdTimer } from 'site/order-summary.js';

start('checkoutTitle');

const orderId = query('order');
const saved = orderId && orders.get(orderId);

function expired(slug) {
  show(el('h1', {}, t('holdExpired')), el('p', {}, t('holdExpiredText')),
    el('p', {}, el('a', { class: 'button', href: slug ? `/events/${encodeURIComponent(slug)}` : '/' }, t('chooseAgain'))));
}

async function render() {
  if (!saved) {
    show(el('h1', {}, t('orderMissing')), el('p', {}, t('orderMissingText')),
      el('p', {}, el('a', { href: '/tickets/resend' }, t('navResend'))));
    return;
  }
  let response = await fetchOrder(orderId, saved.token);
  if (!response.ok) {
    show(notice(t('genericError'), 'error'));
    return;
  }
  let order = response.data;
  if (order.status === 'CONFIRMED') {
    location.replace(`/checkout/success?order=${encodeURIComponent(orderId)}`);
    return;
  }
  if (order.status !== 'AWAITING_PAYMENT') {
    expired(saved.slug);
    return;
  }
  const pay = el('div', { class: 'pay', 'aria-live': 'polite' }, el('p', { class: 'hint' }, t('preparingPayment')));
  const timer = holdTimer(order, 'holdRunning', () => expired(saved.slug));
  show(el('h1', {}, t('checkoutTitle')), timer.node, el('p', { class: 'hint' }, t('holdExplain')), summary(order), pay);
  for (let attempt = 0; !order.checkoutUrl && attempt < 60; attempt++) {
    await wait(1000);
    response = await fetchOrder(orderId, saved.token);
    if (response.ok) order = response.data;
    if (order.status !== 'AWAITING_PAYMENT') {
      timer.stop();
      if (order.status === 'CONFIRMED') location.replace(`/checkout/success?order=${encodeURIComponent(orderId)}`);
      else expired(saved.slug);
      return;
    }
  }
  if (order.checkoutUrl) {
    pay.replaceChildren(el('a', { class: 'button', href: order.checkoutUrl, id: 'pay' }, t('payNow', { amount: money(order.totalMinor, order.currency) })));
  } else {
    pay.replaceChildren(notice(t('genericError'), 'error'));
  }
}

render();
