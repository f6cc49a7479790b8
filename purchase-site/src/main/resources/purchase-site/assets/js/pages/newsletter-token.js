// "/newsletter/confirm?token=…" and "/newsletter/unsubscribe?token=…": one button that sends the
// token. A button, not an automatic call: mail scanners open links but do not press buttons.
import { start, t, el, api, query, notice } from 'site/site.js';

const unsubscribe = location.pathname.endsWith('/unsubscribe');
const titleKey = unsubscribe ? 'unsubscribeTitle' : 'confirmTitle';
start(titleKey);

const token = query('token');
const content = document.getElementById('content');
const heading = el('h1', {}, t(titleKey));
if (!token) {
  content.replaceChildren(heading, notice(t('tokenMissing'), 'error'));
} else {
  const button = el('button', { class: unsubscribe ? 'button button--warning' : 'button', type: 'submit' }, t(unsubscribe ? 'unsubscribeButton' : 'confirmButton'));
  const form = el('form', { novalidate: true }, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    const response = await api(unsubscribe ? '/api/newsletter/unsubscriptions' : '/api/newsletter/confirmations', { method: 'POST', body: { token } });
    button.disabled = false;
    if (response.ok) {
      form.replaceWith(notice(t(unsubscribe ? 'unsubscribeDone' : 'confirmDone'), 'success'));
    } else {
      form.before(notice(response.status >= 400 && response.status < 500 && response.status !== 429 ? t('tokenInvalid') : t('genericError'), 'error'));
    }
  });
  content.replaceChildren(heading, form);
}
