import { emailForm } from 'site/email-form.js';

emailForm({ titleKey: 'newsletterTitle', endpoint: '/api/newsletter/subscriptions', doneKey: 'newsletterDone', doneTextKey: 'newsletterDoneText', withLocale: true });
