// The order form: quantities per ticket type, name, email, optional phone. One Idempotency-Key
// per form, so pressing the button twice (or resending after a timeout) never makes two orders.
import { t, api, el, money, dateTime, showErrors, clearErrors, EMAIL, orders } from 'site/site.js';

const PHONE = /^\+?[0-9 ().-]{6,20}$/;

const fieldId = type => `qty-${type.code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

function field(id, label, hint, input) {
  return el('div', { class: 'form-group' },
    el('label', { class: 'label', for: id }, label),
    hint ? el('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    input);
}

export function orderForm(event) {
  let key = crypto.randomUUID();
  const available = new Map(event.ticketTypes.map(type => [type.id, type.availability ? type.availability.available : type.maxPerOrder]));
  const currency = event.ticketTypes[0]?.price.currency;

  const quantityInputs = event.ticketTypes.map(type => {
    const id = fieldId(type);
    const input = el('input', {
      class: 'input input--width-3', id, name: id, type: 'text', inputmode: 'numeric', autocomplete: 'off',
      value: '0', 'aria-describedby': `${id}-hint`, 'data-type-id': type.id,
    });
    return { type, input, group: field(id, t('qtyLabel', { type: type.name, price: money(type.price.amountMinor, type.price.currency) }),
      t('perOrder', { max: type.maxPerOrder }), input) };
  });
  const name = el('input', { class: 'input', id: 'name', name: 'name', type: 'text', autocomplete: 'name', 'aria-describedby': 'name-hint' });
  const email = el('input', { class: 'input', id: 'email', name: 'email', type: 'email', autocomplete: 'email', spellcheck: 'false', 'aria-describedby': 'email-hint' });
  const phone = el('input', { class: 'input', id: 'phone', name: 'phone', type: 'tel', autocomplete: 'tel', 'aria-describedby': 'phone-hint' });
  const total = el('p', { class: 'total', id: 'order-total', 'aria-live': 'polite' });
  const submit = el('button', { class: 'button', type: 'submit', id: 'submit-order' }, t('submitOrder'));
  const submitError = el('div', { id: 'submit-problem', tabindex: '-1' });

  const form = el('form', { class: 'order-form', novalidate: true, 'aria-labelledby': 'order-heading' },
    el('h2', { id: 'order-heading' }, t('orderHeading')),
    el('fieldset', { class: 'fieldset', id: 'quantities', tabindex: '-1' },
      el('legend', { class: 'fieldset__legend' }, t('qtyLegend')),
      quantityInputs.map(q => q.group)),
    el('fieldset', { class: 'fieldset' },
      el('legend', { class: 'fieldset__legend' }, t('yourDetails')),
      field('name', t('nameLabel'), t('nameHint'), name),
      field('email', t('emailLabel'), t('emailHint'), email),
      field('phone', t('phoneLabel'), t('phoneHint'), phone)),
    total,
    el('div', { class: 'form-group' }, submitError, submit));

  const quantity = input => (/^\s*\d+\s*$/.test(input.value) ? Number(input.value) : NaN);
  const updateTotal = () => {
    const sum = quantityInputs.reduce((acc, q) => acc + (quantity(q.input) || 0) * q.type.price.amountMinor, 0);
    total.textContent = t('total', { amount: money(sum, currency) });
  };
  form.addEventListener('input', updateTotal);
  updateTotal();

  function validate() {
    const errors = [];
    let count = 0;
    for (const { type, input } of quantityInputs) {
      const n = quantity(input);
      const left = available.get(type.id);
      if (input.value.trim() === '') continue;
      if (Number.isNaN(n)) errors.push({ id: input.id, message: t('errQtyNumber', { type: type.name }) });
      else if (n > type.maxPerOrder) errors.push({ id: input.id, message: t('errQtyMax', { max: type.maxPerOrder, type: type.name }) });
      else if (n > 0 && left <= 0) errors.push({ id: input.id, message: t('errQtySoldOut', { type: type.name }) });
      else if (n > left) errors.push({ id: input.id, message: t('errQtyLeft', { count: left, type: type.name }) });
      else count += n;
    }
    if (!errors.length && count === 0) errors.push({ id: quantityInputs[0].input.id, message: t('errChooseTicket') });
    if (!name.value.trim()) errors.push({ id: 'name', message: t('errNameEmpty') });
    if (!email.value.trim()) errors.push({ id: 'email', message: t('errEmailEmpty') });
    else if (!EMAIL.test(email.value.trim())) errors.push({ id: 'email', message: t('errEmailFormat') });
    if (phone.value.trim() && !PHONE.test(phone.value.trim())) errors.push({ id: 'phone', message: t('errPhoneFormat') });
    return errors;
  }

  const byTypeId = id => quantityInputs.find(q => q.type.id === id);

  /** Every API refusal, next to what caused it. */
  function problemErrors(response) {
    const problem = response.problem || {};
    if (response.status === 0) return [{ id: 'submit-problem', message: t('networkError') }];
    if (response.status === 429) return [{ id: 'submit-problem', message: t('rateLimited', { seconds: response.retryAfter }) }];
    switch (problem.slug) {
      case 'not-enough-tickets':
        return (problem.available || []).map(shortage => {
          const q = byTypeId(shortage.ticketTypeId);
          available.set(shortage.ticketTypeId, shortage.available);
          const message = shortage.available <= 0
            ? t('errQtySoldOut', { type: q ? q.type.name : shortage.code })
            : t('errQtyLeft', { count: shortage.available, type: q ? q.type.name : shortage.code });
          return { id: q ? q.input.id : 'quantities', message };
        });
      case 'quantity-over-limit': {
        const over = quantityInputs.find(q => quantity(q.input) > q.type.maxPerOrder) || quantityInputs[0];
        return [{ id: over.input.id, message: t('errQtyMax', { max: over.type.maxPerOrder, type: over.type.name }) }];
      }
      case 'not-on-sale':
        return [{ id: 'quantities', message: problem.salesStartAt && new Date(problem.salesStartAt) > new Date()
          ? t('errNotOnSaleUntil', { date: dateTime(problem.salesStartAt, event.venue.timezone) }) : t('errNotOnSale') }];
      case 'event-cancelled':
        return [{ id: 'quantities', message: t('errEventCancelled') }];
      case 'invalid-email':
        return [{ id: 'email', message: t('errEmailFormat') }];
      case 'invalid-phone':
        return [{ id: 'phone', message: t('errPhoneFormat') }];
      case 'idempotency-key-reused':
        key = crypto.randomUUID();
        return [{ id: 'submit-problem', message: t('errKeyReused') }];
      case 'validation': {
        const map = { 'customer.name': 'name', 'customer.email': 'email', 'customer.phone': 'phone' };
        const errs = (problem.errors || []).map(e => ({ id: map[e.field] || 'quantities', message: `${problem.detail || e.message}` }));
        return errs.length ? errs : [{ id: 'submit-problem', message: problem.detail || t('genericError') }];
      }
      default:
        return [{ id: 'submit-problem', message: problem.detail && response.status < 500 ? problem.detail : t('genericError') }];
    }
  }

  let sending = false;
  form.addEventListener('submit', async submitEvent => {
    submitEvent.preventDefault();
    if (sending) return;
    const errors = validate();
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    clearErrors(form);
    sending = true;
    submit.disabled = true;
    submit.textContent = t('submitting');
    const items = quantityInputs.filter(q => quantity(q.input) > 0)
      .map(q => ({ ticketTypeId: q.type.id, quantity: quantity(q.input) }));
    const customer = { name: name.value.trim(), email: email.value.trim() };
    if (phone.value.trim()) customer.phone = phone.value.trim();
    const response = await api('/api/orders', {
      method: 'POST', headers: { 'Idempotency-Key': key }, body: { eventId: event.id, items, customer },
    });
    if (response.ok) {
      orders.save(response.data.orderId, response.data.accessToken, event.slug);
      location.assign(`/checkout?order=${encodeURIComponent(response.data.orderId)}`);
      return;
    }
    sending = false;
    submit.disabled = false;
    submit.textContent = t('submitOrder');
    showErrors(form, problemErrors(response));
  });

  return {
    node: form,
    updateAvailability(typeId, left) {
      available.set(typeId, left);
    },
  };
}
