// The pieces the checkout, success and cancelled pages share: the order's lines and the hold timer.
import { t, el, money, remaining, time } from 'site/site.js';

export function summary(order) {
  return el('section', { 'aria-labelledby': 'summary-heading', class: 'order-summary' },
    el('h2', { id: 'summary-heading' }, t('orderSummary')),
    el('ul', { class: 'plain-list' }, order.lines.map(line =>
      el('li', {}, t('lineItem', { qty: line.quantity, name: line.name }), ' — ', money(line.totalMinor, order.currency)))),
    el('p', { class: 'total' }, t('total', { amount: money(order.totalMinor, order.currency) })));
}

/**
 * "We are holding your tickets for 12:34", ticking each second; calls onExpired once when the hold
 * ends. Screen readers hear it once (role=timer is not announced on every tick).
 */
export function holdTimer(order, textKey, onExpired) {
  const value = el('strong', { class: 'countdown' });
  const node = el('p', { class: 'hold', role: 'timer', 'aria-atomic': 'true' });
  const render = () => {
    const left = remaining(order.holdExpiresAt);
    if (left === null) {
      clearInterval(timer);
      onExpired();
      return;
    }
    value.textContent = left;
    const [before, after] = t(textKey, { time: '\u0000' }).split('\u0000');
    node.replaceChildren(before, value, after);
  };
  const timer = setInterval(render, 1000);
  render();
  return { node, endsAt: time(order.holdExpiresAt), stop: () => clearInterval(timer) };
}
