package io.taquilla.notification.newsletter;

import io.taquilla.notification.message.MailTemplates;
import io.taquilla.notification.sending.EmailMessage;
import io.taquilla.ticketrender.TicketLanguage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every newsletter message is composed here, so every one carries an unsubscribe link in its body
 * and the {@code List-Unsubscribe} header (with {@code List-Unsubscribe-Post} for one-click, RFC
 * 8058) that mail clients turn into an "unsubscribe" button.
 */
final class NewsletterMail {

    private final MailTemplates templates;
    private final String publicBaseUrl;
    private final String messageIdDomain;

    NewsletterMail(MailTemplates templates, String publicBaseUrl, String messageIdDomain) {
        this.templates = templates;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.messageIdDomain = messageIdDomain;
    }

    /** The double opt-in mail: confirm with one link; or ignore it, or unsubscribe. */
    EmailMessage confirmation(String to, TicketLanguage language, String confirmToken, String unsubscribeToken) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("confirmUrl", publicBaseUrl + "/newsletter/confirm?token=" + confirmToken);
        String subject = language == TicketLanguage.ES ? "Confirma tu suscripción al boletín de Taquilla"
                : "Confirm your subscription to the Taquilla newsletter";
        return mailing(to, language, subject, "newsletter-confirm", model, unsubscribeToken);
    }

    /** Any mailing: the template gets {@code unsubscribeUrl}, the message the List-Unsubscribe headers. */
    EmailMessage mailing(String to, TicketLanguage language, String subject, String template, Map<String, Object> model,
                         String unsubscribeToken) {
        Map<String, Object> withLink = new LinkedHashMap<>(model);
        withLink.put("unsubscribeUrl", publicBaseUrl + "/newsletter/unsubscribe?token=" + unsubscribeToken);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + publicBaseUrl + "/api/newsletter/unsubscriptions?token=" + unsubscribeToken + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return new EmailMessage(to, subject, templates.text(template, language, withLink),
                templates.html(template, language, withLink), List.of(), List.of(),
                "newsletter-" + UUID.randomUUID() + "@" + messageIdDomain, headers);
    }
}
