// The one-field forms: "resend my tickets" and the newsletter sign-up. Both answer 202 whatever
// the address, so the page says the same thing for every address.
import { start, t, el, api, showErrors, clearErrors, EMAIL, lang } from 'site/site.js';

export function emailForm({ titleKey, endpoint, doneKey, doneTextKey, withLocale }) {
  start(titleKey);
  const form = document.getElementById('email-form');
  const input = document.getElementById('email');
  const button = form.querySelector('button');
  let sending = false;
  form.addEventListener('submit', async submitEvent => {
    submitEvent.preventDefault();
    if (sending) return;
    const email = input.value.trim();
    if (!email) return showErrors(form, [{ id: 'email', message: t('errEmailEmpty') }]);
    if (!EMAIL.test(email)) return showErrors(form, [{ id: 'email', message: t('errEmailFormat') }]);
    clearErrors(form);
    sending = true;
    button.disabled = true;
    const body = withLocale ? { email, locale: lang() } : { email };
    const response = await api(endpoint, { method: 'POST', body });
    sending = false;
    button.disabled = false;
    if (response.ok) {
      const done = el('div', { class: 'panel', role: 'status', tabindex: '-1' },
        el('h2', { class: 'panel__title' }, t(doneKey)), el('p', {}, t(doneTextKey, { email })));
      form.replaceWith(done);
      done.focus();
      return;
    }
    const message = response.status === 429 ? t('rateLimited', { seconds: response.retryAfter })
      : response.status === 0 ? t('networkError')
        : response.status === 400 ? t('errEmailFormat') : t('genericError');
    showErrors(form, [{ id: response.status === 400 ? 'email' : 'submit-problem', message }]);
  });
}
