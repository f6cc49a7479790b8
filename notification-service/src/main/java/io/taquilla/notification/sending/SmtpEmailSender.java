package io.taquilla.notification.sending;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends over SMTP with Spring Mail. The MIME tree is multipart/mixed → multipart/related →
 * multipart/alternative (text, HTML) + inline images, then attachments; that is what mail clients
 * render best. The Message-ID is the delivery's own, not a random one, so a copy re-sent after a
 * crash carries the same id and can be collapsed by the receiving side.
 */
public class SmtpEmailSender implements EmailSender {

    private final JavaMailSender mail;
    private final InternetAddress from;

    public SmtpEmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        try {
            this.from = new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("MAIL_FROM is not an address: " + from, e);
        }
    }

    @Override
    public SendReceipt send(EmailMessage message) throws SendFailure {
        MimeMessage mime;
        try {
            mime = build(message);
        } catch (MessagingException | MailException e) {
            throw new SendFailure("cannot build the message: " + e.getMessage(), true, e);
        }
        try {
            mail.send(mime);
            return new SendReceipt("<" + message.messageId() + ">");
        } catch (MailParseException | MailPreparationException e) {
            throw new SendFailure(e.getMessage(), true, e);
        } catch (MailException e) {
            throw new SendFailure(rootMessage(e), false, e);
        }
    }

    private MimeMessage build(EmailMessage message) throws MessagingException {
        String messageId = "<" + message.messageId() + ">";
        MimeMessage mime = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, "UTF-8");
        helper.setFrom(from);
        helper.setTo(new InternetAddress(message.to(), true));
        helper.setSubject(message.subject());
        for (java.util.Map.Entry<String, String> header : message.headers().entrySet()) {
            mime.setHeader(header.getKey(), header.getValue());
        }
        helper.setText(message.text(), message.html());
        for (EmailMessage.InlineImage image : message.inlineImages()) {
            helper.addInline(image.contentId(), new ByteArrayResource(image.bytes()), image.contentType());
        }
        for (EmailMessage.Attachment attachment : message.attachments()) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.bytes()), attachment.contentType());
        }
        return mime;
    }

    private Session session() {
        return mail instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
