import { emailForm } from 'site/email-form.js';

emailForm({ titleKey: 'resendTitle', endpoint: '/api/tickets/resend', doneKey: 'resendDone', doneTextKey: 'resendDoneText' });
